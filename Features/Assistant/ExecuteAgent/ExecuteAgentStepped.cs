namespace VoiceHelper.Assistant.ExecuteAgent;

public sealed record ExecuteAgentStepped(ExecuteAgentStep Step) : ExecuteAgentEvent;
