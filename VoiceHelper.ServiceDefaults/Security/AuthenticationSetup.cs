using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Discovery;

namespace VoiceHelper.ServiceDefaults.Security;

internal static class AuthenticationSetup
{
    private const string DefaultScheme = "VoiceHelper";
    private const string VisitorRefusalItem = "voicehelper.visitor_refusal";

    /// <summary>Whether this request's widget token was refused because the page presenting it is not the token's own.</summary>
    internal static bool IsForeignOriginVisitor(HttpContext context) => context.Items[VisitorRefusalItem] is "origin_not_allowed";

    public static void AddJwtAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<ITenantContext, HttpTenantContext>();

        builder.Services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpClient<HttpApiKeyVerifier>();
        builder.Services.TryAddScoped<IApiKeyVerifier>(sp => sp.GetRequiredService<HttpApiKeyVerifier>());
        // One default scheme that forwards each request to the credential it presents: a tenant's API key (vh_...) or a user's token.
        builder.Services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Access token or API key", policy => policy.ForwardDefaultSelector = context =>
                ApiKeyAuthentication.IsPresented(context.Request) ? ApiKeyAuthentication.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IServiceProvider, IOptions<JwtOptions>>((bearer, services, jwt) =>
            {
                var options = jwt.Value;
                bearer.MapInboundClaims = false;
                var localKeys = services.GetService<ISigningKeySource>();
                if (localKeys is null)
                {
                    bearer.MetadataAddress = options.MetadataAddress;
                    bearer.RequireHttpsMetadata = !AllowsPlainHttp(new Uri(options.MetadataAddress));
                    bearer.AutomaticRefreshInterval = options.KeyCacheDuration;
                    bearer.RefreshInterval = options.KeyRefetchInterval;
                    // The document and the keys are fetched through service discovery and the resilience handler.
                    bearer.Backchannel = services.GetRequiredService<IHttpClientFactory>()
                        .CreateClient(ServiceDiscoveryRegistration.DiscoveryClientName);
                }
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    ClockSkew = options.ClockSkew,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    NameClaimType = ClaimNames.Subject,
                    RoleClaimType = ClaimNames.Role,
                    IssuerSigningKeyResolver = localKeys is null ? null : (_, _, keyId, _) => localKeys.GetKeys(keyId),
                };
                bearer.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on a WebSocket handshake, so /ws/ accepts the token in the query.
                    OnMessageReceived = context =>
                    {
                        if (context.Request.Path.StartsWithSegments("/ws") && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        await RejectRevoked(context);
                        if (context.Result is null && context.Principal is { } principal && WidgetVisitor.IsVisitor(principal)
                            && await WidgetVisitor.RefusalAsync(context.HttpContext, principal) is { } refusal)
                        {
                            context.HttpContext.Items[VisitorRefusalItem] = refusal;
                            context.Fail(refusal);
                        }
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        if (context.HttpContext.Items[VisitorRefusalItem] is string refusal)
                        {
                            var origin = refusal == "origin_not_allowed";
                            context.Response.StatusCode = origin ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                            await Problems.ProblemWriter.WriteAsync(context.HttpContext, context.Response.StatusCode, refusal, origin
                                ? "This widget token was issued to another page origin." : "The widget key has been revoked.");
                            return;
                        }
                        var code = context.AuthenticateFailure is SecurityTokenExpiredException ? "token_expired"
                            : context.AuthenticateFailure is not null || context.Error is not null ? "invalid_token" : "authentication_required";
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        await Problems.ProblemWriter.WriteAsync(context.HttpContext, 401, code, "A valid access token is required.");
                    },
                    OnForbidden = context => Problems.ProblemWriter.WriteAsync(context.HttpContext, 403, "forbidden", "Your role does not allow this action."),
                };
            });
        // A user's endpoints refuse API keys (403 insufficient_scope) and widget visitors (403 forbidden); a scope's
        // endpoints take a user or a key holding that scope; the widget's take a user or a visitor.
        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(null)
            .AddPolicy(Policies.Authenticated, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Tenant)
                .RequireAssertion(c => !ApiKeyAuthentication.IsApiKey(c.User) && !WidgetVisitor.IsVisitor(c.User)))
            .AddPolicy(Policies.Converse, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Tenant)
                .RequireAssertion(c => !ApiKeyAuthentication.IsApiKey(c.User)))
            .AddPolicy(Policies.TenantAdmin, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Tenant).RequireRole(Roles.Owner, Roles.Admin));
        foreach (var scope in ApiKeyScopes.All)
        {
            authorization.AddPolicy(Policies.ForScope(scope), p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Tenant)
                .RequireAssertion(c => ApiKeyAuthentication.IsApiKey(c.User)
                    ? ApiKeyScopes.Grants(c.User.FindAll(ClaimNames.Scope).Select(s => s.Value), scope)
                    // A visitor's question is answered from the tenant's knowledge (the Assistant searches with its token).
                    : !WidgetVisitor.IsVisitor(c.User) || scope == ApiKeyScopes.KnowledgeRead));
        }
    }

    /// <summary>
    /// Plain HTTP is allowed for the metadata only inside the system: loopback, or a bare service name that service
    /// discovery or the cluster's DNS resolves (<c>identity</c>, <c>identity.ns.svc.cluster.local</c>).
    /// </summary>
    internal static bool AllowsPlainHttp(Uri address) =>
        address.Scheme == Uri.UriSchemeHttp
        && (address.IsLoopback || !address.Host.Contains('.', StringComparison.Ordinal)
            || address.Host.EndsWith(".svc", StringComparison.OrdinalIgnoreCase)
            || address.Host.EndsWith(".svc.cluster.local", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Logout and disabling a user must take effect at once in every service, so each validated token is
    /// checked against the revocation keys Identity writes to Redis. Without Redis the check is skipped
    /// (logged): refusing every request during a cache outage would take the whole product down.
    /// </summary>
    private static async Task RejectRevoked(TokenValidatedContext context)
    {
        var redis = context.HttpContext.RequestServices.GetService<IConnectionMultiplexer>();
        var jti = context.Principal?.FindFirst(ClaimNames.TokenId)?.Value;
        var sub = context.Principal?.FindFirst(ClaimNames.Subject)?.Value;
        if (redis is null || jti is null || !Guid.TryParse(sub, out var userId))
        {
            return;
        }
        try
        {
            var db = redis.GetDatabase();
            var revoked = db.KeyExistsAsync(RedisKeys.RevokedToken(jti));
            var disabled = db.KeyExistsAsync(RedisKeys.DisabledUser(userId));
            if (await revoked || await disabled)
            {
                context.Fail(new SecurityTokenException("The token has been revoked."));
            }
        }
        catch (RedisException ex)
        {
            context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger(typeof(AuthenticationSetup)).LogWarning(ex, "Revocation check skipped: Redis unavailable");
        }
    }
}
