namespace VoiceHelper.Console.Common.Api;

/// <summary>Every list of the public API: one page of items and whether another follows.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasNext);
