using System.Text.Json;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// One server-sent event of a streamed answer: <c>refs</c> (sources), <c>token</c> (a text delta) or <c>end</c>
/// (metrics and, when the Assistant sends it, the final answer, which wins over the streamed deltas because its
/// self-check may drop sentences already streamed).
/// </summary>
public sealed record AssistantStreamEvent(
    string Kind, string? Delta = null, JsonElement? Sources = null, AssistantMetrics? Metrics = null, string? Model = null, string? Answer = null)
{
    public const string Refs = "refs";
    public const string Token = "token";
    public const string End = "end";
}
