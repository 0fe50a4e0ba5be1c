using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>
/// <c>Idempotency-Key</c> on POST: the first request runs and its response is kept in Redis for 24 h; a retry
/// with the same key and body gets that response replayed, with another body a 422, while the first is
/// still running a 409. Keys are scoped by service and caller. Without Redis the request just runs.
/// </summary>
internal sealed class IdempotencyMiddleware(
    RequestDelegate next, IOptions<IdempotencyOptions> options, IHostEnvironment environment, ILogger<IdempotencyMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<NoResponseReplay>() is not null
            || !context.Request.Headers.TryGetValue(IdempotencyOptions.HeaderName, out var header)
            || context.RequestServices.GetService(typeof(IConnectionMultiplexer)) is not IConnectionMultiplexer redis)
        {
            await next(context);
            return;
        }
        var key = header.ToString();
        if (key.Length is 0 or > 200)
        {
            await ProblemWriter.WriteAsync(context, 400, "invalid_idempotency_key", "Idempotency-Key must be 1 to 200 characters.");
            return;
        }

        var fingerprint = await Fingerprint(context.Request);
        var redisKey = $"idem:{environment.ApplicationName}:{Caller(context)}:{key}";
        var db = redis.GetDatabase();
        IdempotencyRecord? existing;
        try
        {
            var pending = JsonSerializer.Serialize(new IdempotencyRecord(fingerprint, Completed: false));
            if (await db.StringSetAsync(redisKey, pending, options.Value.PendingTimeout, When.NotExists))
            {
                await RunAndStore(context, db, redisKey, fingerprint);
                return;
            }
            var stored = await db.StringGetAsync(redisKey);
            existing = stored.HasValue ? JsonSerializer.Deserialize<IdempotencyRecord>(stored.ToString()) : null;
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Idempotency store unavailable; running the request without replay protection");
            await next(context);
            return;
        }

        if (existing is null)
        {
            await next(context);
        }
        else if (existing.Fingerprint != fingerprint)
        {
            await ProblemWriter.WriteAsync(context, 422, "idempotency_key_reused",
                "This Idempotency-Key was already used with a different request body.");
        }
        else if (!existing.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await ProblemWriter.WriteAsync(context, 409, "idempotency_request_in_progress",
                "A request with this Idempotency-Key is still being processed.");
        }
        else
        {
            context.Response.StatusCode = existing.Status;
            context.Response.Headers["Idempotency-Replayed"] = "true";
            if (existing.Location is not null)
            {
                context.Response.Headers.Location = existing.Location;
            }
            if (existing.ContentType is not null)
            {
                context.Response.ContentType = existing.ContentType;
            }
            if (existing.Body is not null)
            {
                await context.Response.Body.WriteAsync(Convert.FromBase64String(existing.Body));
            }
        }
    }

    private async Task RunAndStore(HttpContext context, IDatabase db, string redisKey, string fingerprint)
    {
        var original = context.Response.Body;
        await using var tee = new TeeStream(original, options.Value.MaxStoredResponseBytes);
        context.Response.Body = tee;
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            context.Response.Body = original;
            try
            {
                // 5xx and cancelled requests are not final: a retry should run again.
                if (completed && context.Response.StatusCode < 500 && !tee.Overflowed && !context.RequestAborted.IsCancellationRequested)
                {
                    var record = new IdempotencyRecord(fingerprint, true, context.Response.StatusCode, context.Response.ContentType,
                        Convert.ToBase64String(tee.Captured), context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null);
                    await db.StringSetAsync(redisKey, JsonSerializer.Serialize(record), options.Value.Retention);
                }
                else
                {
                    await db.KeyDeleteAsync(redisKey);
                }
            }
            catch (RedisException ex)
            {
                logger.LogWarning(ex, "Could not store the idempotent response");
            }
        }
    }

    private static string Caller(HttpContext context) =>
        context.User.FindFirst(ClaimNames.Subject)?.Value ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    private static async Task<string> Fingerprint(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
