using System.ComponentModel.DataAnnotations;
using JasperFx.CodeGeneration;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>The event bus's transport and error policy, bound from the <c>EventBus</c> configuration section.</summary>
public sealed class EventBusOptions
{
    public const string Section = "EventBus";

    /// <summary>
    /// <c>rabbitmq</c> (one machine, <c>ConnectionStrings:messaging</c>), <c>kafka</c> (cluster, <c>ConnectionStrings:kafka</c>)
    /// or <c>postgres</c> (queues in the service's own database: only for a process whose publishers and consumers share
    /// that database, such as the benchmark; see docs/decisions/0003).
    /// </summary>
    [Required, RegularExpression("^(rabbitmq|kafka|postgres)$")]
    public string Transport { get; set; } = EventTransports.RabbitMq;

    /// <summary>
    /// Prefix of every exchange, queue and topic name. Empty in a deployment; tests set a fresh one so that
    /// parallel test systems sharing one broker never see each other's events.
    /// </summary>
    [RegularExpression("^[a-z0-9_.-]*$")]
    public string Namespace { get; set; } = "";

    /// <summary>Default error policy of every event kind; <see cref="Topics"/> overrides it per topic.</summary>
    public EventRetryOptions Retry { get; set; } = new();

    /// <summary>Per-topic error policy, for example <c>EventBus:Topics:document.uploaded:MaxAttempts</c>.</summary>
    public Dictionary<string, EventRetryOptions> Topics { get; set; } = [];

    /// <summary>Events of one listener handled at the same time in one process.</summary>
    [Range(1, 256)] public int ListenerParallelism { get; set; } = 4;

    /// <summary>How often the durability agent looks for stranded or replayable envelopes (replays, a dead node's work).</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// After how long without a heartbeat an instance counts as dead and its claimed inbox and outbox envelopes move to
    /// a live one (Wolverine's stale-node timeout); null keeps Wolverine's default.
    /// </summary>
    public TimeSpan? NodeTimeout { get; set; }

    /// <summary>
    /// Static (the default, and the only mode for a service): Wolverine loads the committed, pre-generated handler code
    /// and refuses to start if a handler has none. Dynamic is for the test that regenerates that code
    /// (tests/Messaging.Tests GeneratedCodeTests); it never handles an event.
    /// </summary>
    public TypeLoadMode CodeGeneration { get; set; } = TypeLoadMode.Static;

    public EventRetryOptions RetryFor(string topic) => Topics.TryGetValue(topic, out var retry) ? retry : Retry;
}
