namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>A page of dead letters, newest first, in the API's pagination shape.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, int Page, int PageSize, bool HasNext);
