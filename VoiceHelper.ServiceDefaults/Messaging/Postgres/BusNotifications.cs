using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.ServiceDefaults.Messaging.Postgres;

/// <summary>
/// One LISTEN connection per process for the whole log: an append notifies its topics at commit, and every
/// consumer group of this process that reads one of them wakes at once instead of waiting for its poll.
/// </summary>
internal sealed class BusNotifications(BusDataSource bus, ILogger<BusNotifications> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<WakeSignal, IReadOnlySet<string>> _subscribers = new();

    public WakeSignal Subscribe(IReadOnlySet<string> topics)
    {
        var signal = new WakeSignal();
        _subscribers[signal] = topics;
        return signal;
    }

    public void Unsubscribe(WakeSignal signal) => _subscribers.TryRemove(signal, out _);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        NotificationListener.RunAsync(bus.DataSource, LogAppender.Channel, Notify, logger, stoppingToken);

    private void Notify(string? topic)
    {
        foreach (var (signal, topics) in _subscribers)
        {
            if (topic is null || topics.Contains(topic))
            {
                signal.Set();
            }
        }
    }
}
