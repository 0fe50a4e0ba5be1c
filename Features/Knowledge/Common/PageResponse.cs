namespace VoiceHelper.Knowledge.Common;

/// <summary>One page of a list, as every VoiceHelper list answers.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasNext)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Builds a page from a query that fetched one row more than the page size, which tells whether there is a next page.</summary>
    public static PageResponse<T> FromOverfetched(IReadOnlyList<T> rows, int page, int pageSize) =>
        new(rows.Take(pageSize).ToList(), page, pageSize, rows.Count > pageSize);
}
