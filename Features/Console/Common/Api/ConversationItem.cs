namespace VoiceHelper.Console.Common.Api;

public sealed record ConversationItem(Guid Id, string Title, IReadOnlyList<Guid> KbIds, long MessageCount, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
