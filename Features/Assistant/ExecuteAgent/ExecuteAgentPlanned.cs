namespace VoiceHelper.Assistant.ExecuteAgent;

public sealed record ExecuteAgentPlanned(Guid TaskId, IReadOnlyList<string> Plan) : ExecuteAgentEvent;
