using System.Linq.Expressions;

namespace VoiceHelper.Identity.Common;

/// <summary>A widget key as created and listed: the key itself is publishable, so it is always shown.</summary>
public sealed record WidgetKeyResponse(
    Guid Id, string Name, string Key, IReadOnlyList<string> AllowedOrigins, IReadOnlyList<Guid> KbIds, int KeyPermitsPerMinute, int VisitorPermitsPerMinute,
    Guid? CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static readonly Expression<Func<WidgetKey, WidgetKeyResponse>> Projection = k =>
        new WidgetKeyResponse(k.Id, k.Name, k.Key, k.AllowedOrigins, k.KnowledgeBaseIds, k.KeyPermitsPerMinute, k.VisitorPermitsPerMinute, k.CreatedBy, k.CreatedAt, k.RevokedAt);

    private static readonly Func<WidgetKey, WidgetKeyResponse> Compiled = Projection.Compile();

    public static WidgetKeyResponse From(WidgetKey key) => Compiled(key);
}
