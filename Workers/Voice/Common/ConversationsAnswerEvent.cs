using System.Text.Json;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// One event of a streamed answer from Conversations: its citations (<c>refs</c>), a piece of text (<c>token</c>), or
/// the stored assistant message (<c>end</c>). A prepared answer starts with <c>prepared</c> (its <see cref="PreparedId"/>)
/// and its <c>end</c> carries no message (nothing is stored yet), only the id.
/// </summary>
public sealed record ConversationsAnswerEvent(string Kind, string? Delta = null, JsonElement? Sources = null, ConversationsMessage? Message = null, Guid? PreparedId = null)
{
    public const string Prepared = "prepared";
    public const string Refs = "refs";
    public const string Token = "token";
    public const string End = "end";
}
