namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// The body of <c>POST /api/v1/agent/execute</c>. <paramref name="Tools"/> null offers every tool (built-in and the
/// tenant's MCP servers'); <paramref name="Timeout"/> is in seconds; <paramref name="KbIds"/> narrows knowledge_search
/// (empty: every knowledge base of the tenant).
/// </summary>
public sealed record ExecuteAgentBody(
    string? Task,
    string Mode = ExecuteAgentModes.React,
    IReadOnlyList<string>? Tools = null,
    int MaxSteps = ExecuteAgentBody.DefaultMaxSteps,
    double Timeout = ExecuteAgentBody.DefaultTimeoutSeconds,
    IReadOnlyList<Guid>? KbIds = null)
{
    public const int DefaultMaxSteps = 8;
    public const int MaxMaxSteps = 30;
    public const double DefaultTimeoutSeconds = 60;
    public const double MaxTimeoutSeconds = 300;
    public const int MaxTaskLength = 4000;
}
