using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.CreateConversation;

public static class CreateConversationDecision
{
    public const string DefaultTitle = "New conversation";

    /// <summary>The new conversation: the caller's settings where given, the service defaults elsewhere.</summary>
    public static Conversation Decide(CreateConversationRequest request, Guid userId, ConversationsOptions defaults, Guid id, DateTimeOffset now)
    {
        var settings = request.Settings ?? new CreateConversationSettings();
        return new Conversation
        {
            Id = id,
            UserId = userId,
            Channel = request.WidgetKeyId is null ? ConversationChannels.User : ConversationChannels.Widget,
            WidgetKeyId = request.WidgetKeyId,
            Title = string.IsNullOrWhiteSpace(request.Title) ? DefaultTitle : request.Title.Trim(),
            KbIds = request.KbIds?.Distinct().ToArray() ?? [],
            TopK = settings.TopK,
            UseCache = settings.UseCache ?? true,
            UseRerank = settings.UseRerank ?? true,
            UseSelfRag = settings.UseSelfRag ?? false,
            ContextMaxTurns = settings.ContextMaxTurns ?? defaults.DefaultContextTurns,
            ContextMaxTokens = settings.ContextMaxTokens ?? defaults.DefaultContextTokens,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
