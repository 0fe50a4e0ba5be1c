using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceHelper.ServiceDefaults.Discovery;

/// <summary>
/// Per-attempt timeout for every call, and retries with jittered back-off for idempotent methods only:
/// retrying a POST could create a second conversation or charge a second answer.
/// </summary>
internal sealed class ResilienceHandler : DelegatingHandler
{
    private static readonly HashSet<HttpMethod> Idempotent = [HttpMethod.Get, HttpMethod.Head, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Options];

    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> _once;

    public ResilienceHandler(ServiceClientOptions options)
    {
        _once = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(options.AttemptTimeout)
            .Build();
        _retrying = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway
                        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var pipeline = Idempotent.Contains(request.Method) ? _retrying : _once;
        return await pipeline.ExecuteAsync(async ct => await base.SendAsync(request, ct), cancellationToken);
    }
}
