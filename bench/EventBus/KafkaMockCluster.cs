using Confluent.Kafka;

namespace VoiceHelper.EventBus.Bench;

/// <summary>
/// librdkafka's in-process mock cluster (no Kafka broker exists here): the client that sets <c>test.mock.num.brokers</c>
/// owns it, and its brokers' loopback address comes from the metadata. Figures through it are labelled mock.
/// </summary>
internal sealed class KafkaMockCluster : IDisposable
{
    private readonly IAdminClient _owner;

    private KafkaMockCluster(IAdminClient owner, string bootstrapServers) => (_owner, BootstrapServers) = (owner, bootstrapServers);

    public string BootstrapServers { get; }

    public static KafkaMockCluster Start()
    {
        var config = new AdminClientConfig { BootstrapServers = "unused:9" };
        config.Set("test.mock.num.brokers", "1");
        config.Set("log_level", "4");
        var owner = new AdminClientBuilder(config).Build();
        var brokers = owner.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;
        return new KafkaMockCluster(owner, string.Join(",", brokers.Select(b => $"{b.Host}:{b.Port}")));
    }

    public void Dispose() => _owner.Dispose();
}
