using Microsoft.Extensions.AI;

namespace VoiceHelper.Assistant.Grounding;

/// <summary>
/// The conversation before the question, for a model that can use it: the caller's summary of older turns (or null)
/// and the recent turns, oldest first, as user and assistant messages.
/// </summary>
public sealed record GroundedConversation(string? Summary, IReadOnlyList<ChatMessage> Turns)
{
    /// <summary>What a sentence citing [<see cref="SourceNumber"/>] drew on: the conversation itself, not a document.</summary>
    public const int SourceNumber = 0;
}
