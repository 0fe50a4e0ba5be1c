using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Tuning of the event bus, bound from the <c>EventBus</c> configuration section.</summary>
public sealed class EventBusOptions
{
    public const string Section = "EventBus";

    /// <summary>Partitions of a topic when it is first created; like Kafka, an existing topic keeps its count.</summary>
    [Range(1, 1024)] public int Partitions { get; set; } = 8;

    /// <summary>Deliveries of one event to a failing handler before it goes to the dead-letter topic.</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled on each further attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consumed events, inbox entries and replayed dead letters older than this are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a consumer instance keeps its partitions without a heartbeat; a dead instance's partitions move after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Events read per partition at once, and outbox rows moved to the log at once.</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 256;

    /// <summary>
    /// Safety net only: consumers and the outbox relay are woken by notifications within milliseconds; this
    /// bounds the delay if a notification is lost (for example while the listening connection reconnects).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Partitions of one consumer instance handled at the same time (events of one partition stay sequential).</summary>
    [Range(1, 256)] public int MaxConcurrency { get; set; } = 4;
}
