using Microsoft.AspNetCore.Builder;

namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>Opts an endpoint out of <c>Idempotency-Key</c> replay.</summary>
public static class ResponseReplay
{
    /// <summary>
    /// For a response holding a secret shown once (a new API key): replay would keep it in Redis for 24 h. A retried
    /// request then runs again; the first result stays visible (and revocable) through the resource's own list.
    /// </summary>
    public static TBuilder DisableResponseReplay<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoResponseReplay());
}

/// <summary>Endpoint metadata read by the idempotency middleware.</summary>
public sealed class NoResponseReplay;
