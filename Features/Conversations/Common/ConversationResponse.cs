using System.Linq.Expressions;

namespace VoiceHelper.Conversations.Common;

public sealed record ConversationResponse(
    Guid Id, Guid UserId, string Title, IReadOnlyList<Guid> KbIds, ConversationSettings Settings, long MessageCount,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string Channel = ConversationChannels.User, Guid? WidgetKeyId = null)
{
    public static readonly Expression<Func<Conversation, ConversationResponse>> Projection = c => new ConversationResponse(
        c.Id, c.UserId, c.Title, c.KbIds,
        new ConversationSettings(c.TopK, c.UseCache, c.UseRerank, c.UseSelfRag, c.ContextMaxTurns, c.ContextMaxTokens),
        c.LastSequence, c.CreatedAt, c.UpdatedAt, c.Channel, c.WidgetKeyId);

    private static readonly Func<Conversation, ConversationResponse> Compiled = Projection.Compile();

    public static ConversationResponse From(Conversation conversation) => Compiled(conversation);
}
