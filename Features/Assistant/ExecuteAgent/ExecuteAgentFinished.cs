namespace VoiceHelper.Assistant.ExecuteAgent;

public sealed record ExecuteAgentFinished(ExecuteAgentRun Run) : ExecuteAgentEvent;
