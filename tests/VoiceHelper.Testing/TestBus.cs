namespace VoiceHelper.Testing;

/// <summary>
/// The event bus of a test system: the RabbitMQ broker that scripts/test-servers.sh starts, and a fresh namespace
/// (prefix of every exchange and queue) so that test systems sharing the broker never receive each other's events.
/// </summary>
public static class TestBus
{
    public static string RabbitMq => Environment.GetEnvironmentVariable("VOICEHELPER_TEST_RABBITMQ") is { Length: > 0 } uri
        ? uri
        : throw new InvalidOperationException("VOICEHELPER_TEST_RABBITMQ is not set: run the tests through scripts/test.sh, which starts RabbitMQ.");

    public static string NewNamespace() => $"t{Guid.NewGuid():N}"[..13] + ".";

    /// <summary>
    /// The bus of the test system whose (fresh, uniquely named) eventsdb is <paramref name="eventsDb"/>: its database
    /// name is the namespace, so every process given that eventsdb is on the same bus and no other is.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForEventsDb(string eventsDb) =>
        Settings(new Npgsql.NpgsqlConnectionStringBuilder(eventsDb).Database!.ToLowerInvariant() + ".");

    /// <summary>Configuration keys for every process of one test system (same namespace = same bus).</summary>
    public static IReadOnlyDictionary<string, string> Settings(string @namespace) => new Dictionary<string, string>
    {
        ["ConnectionStrings:messaging"] = RabbitMq,
        ["EventBus:Transport"] = "rabbitmq",
        ["EventBus:Namespace"] = @namespace,
        // Short enough that a test waiting on a retry or a killed instance's work is not a test of patience.
        ["EventBus:Retry:InitialBackoff"] = "00:00:00.100",
        ["EventBus:Retry:MaxBackoff"] = "00:00:01",
        ["EventBus:NodeTimeout"] = "00:00:04",
        ["EventBus:RecoveryInterval"] = "00:00:00.500",
    };
}
