using System.Linq.Expressions;

namespace VoiceHelper.Identity.Common;

/// <summary>An API key as lists show it: never the secret, only its prefix.</summary>
public sealed record ApiKeyResponse(
    Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, Guid? CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static readonly Expression<Func<ApiKey, ApiKeyResponse>> Projection = k =>
        new ApiKeyResponse(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedBy, k.CreatedAt, k.LastUsedAt, k.RevokedAt);

    private static readonly Func<ApiKey, ApiKeyResponse> Compiled = Projection.Compile();

    public static ApiKeyResponse From(ApiKey key) => Compiled(key);
}
