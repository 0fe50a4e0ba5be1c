using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class TracingTests
{
    [Fact]
    public async Task The_consumer_span_continues_the_producer_trace_and_an_idle_consumer_wakes_without_polling()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_trace");
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MessagingTelemetry.SourceName || source.Name == "Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var testSource = new ActivitySource("Tests");
        var recorder = new EventRecorder();
        // A poll interval far beyond the assertion below: only the notification can wake the consumer in time.
        var builder = BusTestHost.Create(eventsDb, "worker", recorder, new Dictionary<string, string?>
        {
            ["EventBus:PollInterval"] = "00:01:00",
            ["EventBus:LeaseDuration"] = "00:03:00",
        });
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("traced");
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var publisher = host.Services.GetRequiredService<IEventPublisher>();
        var tenant = Guid.NewGuid();
        await publisher.PublishAsync(new SequencedEvent(tenant, null, 0), cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(() => recorder.Handled.Count == 1, TimeSpan.FromSeconds(30), "the warm-up event is handled");

        ActivityTraceId traceId;
        var latencies = new List<TimeSpan>();
        using (var request = testSource.StartActivity("request"))
        {
            traceId = request!.TraceId;
            for (var i = 1; i <= 5; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await publisher.PublishAsync(new SequencedEvent(tenant, null, i), cancellationToken: TestContext.Current.CancellationToken);
                await Eventually.UntilAsync(() => recorder.Handled.Count == i + 1, TimeSpan.FromSeconds(30), $"event {i} is handled");
                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
        }
        await host.StopAsync(TestContext.Current.CancellationToken);

        latencies.Max().ShouldBeLessThan(TimeSpan.FromMilliseconds(500), "woken by the notification, not by a poll");
        var published = spans.Where(s => s.Kind == ActivityKind.Producer && s.TraceId == traceId).ToList();
        var processed = spans.Where(s => s.Kind == ActivityKind.Consumer && s.TraceId == traceId).ToList();
        published.Count.ShouldBe(5);
        processed.Count.ShouldBe(5);
        processed.ShouldAllBe(p => published.Any(s => s.SpanId == p.ParentSpanId));
        processed[0].GetTagItem("messaging.consumer.group.name").ShouldBe("traced");
    }
}
