using System.Text.Json;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// One event of a streamed answer from Conversations: its citations (<c>refs</c>), a piece of text (<c>token</c>), or
/// the stored assistant message (<c>end</c>).
/// </summary>
public sealed record ConversationsAnswerEvent(string Kind, string? Delta = null, JsonElement? Sources = null, ConversationsMessage? Message = null)
{
    public const string Refs = "refs";
    public const string Token = "token";
    public const string End = "end";
}
