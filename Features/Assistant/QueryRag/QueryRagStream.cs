using System.Net.ServerSentEvents;
using Microsoft.Net.Http.Headers;
using VoiceHelper.Contracts.Api;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>How the pipeline's events reach a client: collected into one JSON answer, or as server-sent events.</summary>
public static class QueryRagStream
{
    public const string EventStream = "text/event-stream";

    /// <summary>The body's <c>stream</c> flag, or a client that accepts an event stream, asks for one.</summary>
    public static bool Wanted(RagQueryRequest request, IEnumerable<MediaTypeHeaderValue> accept) =>
        request.Stream || accept.Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase));

    /// <summary>An event as the contract names it on the wire (<see cref="RagStreamEvents"/>).</summary>
    public static SseItem<object> ToSse(QueryRagEvent @event) => @event switch
    {
        QueryRagSourcesFound found => new(new RagRefs(found.Sources), RagStreamEvents.Refs),
        QueryRagDelta delta => new(new RagToken(delta.Text), RagStreamEvents.Token),
        QueryRagAnswered answered => new(answered.Answer, RagStreamEvents.End),
        QueryRagFailed failed => new(new RagStreamError(failed.Error.Code, failed.Error.Message), RagStreamEvents.Error),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, "Not an answer event."),
    };

    /// <summary>The final answer of a complete run, or its failure.</summary>
    public static async Task<Result<RagAnswer>> CollectAsync(IAsyncEnumerator<QueryRagEvent> events)
    {
        do
        {
            switch (events.Current)
            {
                case QueryRagAnswered answered:
                    return answered.Answer;
                case QueryRagFailed failed:
                    return failed.Error;
            }
        }
        while (await events.MoveNextAsync());
        throw new InvalidOperationException("The answer pipeline ended without an answer.");
    }

    /// <summary>The events from the one already read on, as server-sent events; the enumerator is disposed at the end.</summary>
    public static async IAsyncEnumerable<SseItem<object>> ToSseAsync(IAsyncEnumerator<QueryRagEvent> events)
    {
        await using (events)
        {
            do
            {
                yield return ToSse(events.Current);
            }
            while (await events.MoveNextAsync());
        }
    }
}
