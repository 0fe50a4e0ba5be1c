using VoiceHelper.Contracts.Api;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// One event of a streamed answer (<see cref="RagStreamEvents"/>): <c>refs</c> carries <see cref="Sources"/>, <c>token</c>
/// a <see cref="Delta"/>, <c>end</c> the final <see cref="Answer"/>, which wins over the streamed deltas because the
/// Assistant's self-check may drop sentences already streamed.
/// </summary>
public sealed record AssistantStreamEvent(string Kind, string? Delta = null, IReadOnlyList<RagSource>? Sources = null, RagAnswer? Answer = null);
