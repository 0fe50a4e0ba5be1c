namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>One page of a list, as every VoiceHelper list answers (<c>items</c>, <c>page</c>, <c>page_size</c>, <c>has_next</c>).</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, bool HasNext)
{
    /// <summary>Builds a page from a query that fetched one row more than the page size, which tells whether there is a next page.</summary>
    public static PageResponse<T> FromOverfetched(IReadOnlyList<T> rows, int page, int pageSize) =>
        new(rows.Take(pageSize).ToList(), page, pageSize, rows.Count > pageSize);
}
