using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Polly.CircuitBreaker;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>
/// The API-key scheme: a tenant's key (<c>Authorization: Bearer vh_...</c>, or the <c>api-key</c> header some OpenAI clients
/// send) verified by Identity, cached for <see cref="ApiKeyOptions.CacheDuration"/>, and checked on every request against
/// the revocation marker Identity writes to Redis (as access tokens are). The principal carries the same <c>tenant</c> and
/// <c>sub</c> (the key's id) claims as an access token, so tenant isolation is the same code; its scopes ride as
/// <c>scope</c> claims, and it has no role.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IApiKeyVerifier verifier,
    IMemoryCache cache,
    IOptions<ApiKeyOptions> options) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "api-key";
    private const int MaxKeyLength = 200;
    private const string FailureCodeItem = "voicehelper.api_key_failure";

    /// <summary>Whether the request presents an API key rather than an access token (the default scheme forwards on this).</summary>
    public static bool IsPresented(HttpRequest request) => Read(request) is not null;

    /// <summary>Whether the caller authenticated with an API key (not a user's access token).</summary>
    public static bool IsApiKey(ClaimsPrincipal user) => user.Identities.Any(i => i.AuthenticationType == SchemeName);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Read(Request) is not { } key)
        {
            return AuthenticateResult.NoResult();
        }
        if (!key.StartsWith(ApiKeyPrefix, StringComparison.Ordinal) || key.Length > MaxKeyLength)
        {
            return Refuse("invalid_api_key");
        }
        ApiKeyCheck check;
        try
        {
            check = await VerifyCachedAsync(key);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or BrokenCircuitException or TaskCanceledException
                                   && !Context.RequestAborted.IsCancellationRequested)
        {
            Logger.LogWarning("API key not verified: Identity unavailable ({Error})", ex.Message);
            return Refuse("authentication_unavailable");
        }
        if (check.Key is not { } verified)
        {
            return Refuse(check.FailureCode ?? "invalid_api_key");
        }
        if (await IsRevokedAsync(verified.KeyId))
        {
            return Refuse("api_key_revoked");
        }
        var claims = new List<Claim>
        {
            new(ClaimNames.Subject, verified.KeyId.ToString()),
            new(ClaimNames.Tenant, verified.TenantId.ToString()),
            new(ClaimNames.Name, verified.Name),
        };
        claims.AddRange(verified.Scopes.Select(scope => new Claim(ClaimNames.Scope, scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimNames.Subject, ClaimNames.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var code = Context.Items[FailureCodeItem] as string ?? "invalid_api_key";
        if (code == "authentication_unavailable")
        {
            Response.Headers.RetryAfter = "5";
            await ProblemWriter.WriteAsync(Context, StatusCodes.Status503ServiceUnavailable, code, "API keys cannot be verified right now; retry shortly.");
            return;
        }
        Response.Headers.WWWAuthenticate = "Bearer";
        await ProblemWriter.WriteAsync(Context, StatusCodes.Status401Unauthorized, code,
            code == "api_key_revoked" ? "The API key has been revoked." : "The API key is not valid.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, StatusCodes.Status403Forbidden, "insufficient_scope", "This API key's scopes do not allow this action.");

    private const string ApiKeyPrefix = "vh_";

    private static string? Read(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith("Bearer " + ApiKeyPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        return request.Headers[Header].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }

    private AuthenticateResult Refuse(string code)
    {
        Context.Items[FailureCodeItem] = code;
        return AuthenticateResult.Fail(code);
    }

    /// <summary>Valid and invalid answers are both cached (by the key's hash, never the key), so a flood of wrong keys does not reach Identity.</summary>
    private async Task<ApiKeyCheck> VerifyCachedAsync(string key)
    {
        var cacheKey = "api-key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (cache.TryGetValue(cacheKey, out ApiKeyCheck? cached) && cached is not null)
        {
            return cached;
        }
        var check = await verifier.VerifyAsync(key, Context.RequestAborted);
        if (options.Value.CacheDuration > TimeSpan.Zero)
        {
            cache.Set(cacheKey, check, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.Value.CacheDuration, Size = 1 });
        }
        return check;
    }

    /// <summary>Without Redis the check is skipped (logged): the cache time then bounds how long a revoked key still works.</summary>
    private async Task<bool> IsRevokedAsync(Guid keyId)
    {
        if (Context.RequestServices.GetService<IConnectionMultiplexer>() is not { } redis)
        {
            return false;
        }
        try
        {
            return await redis.GetDatabase().KeyExistsAsync(RedisKeys.RevokedApiKey(keyId));
        }
        catch (RedisException ex)
        {
            Logger.LogWarning(ex, "API key revocation check skipped: Redis unavailable");
            return false;
        }
    }
}
