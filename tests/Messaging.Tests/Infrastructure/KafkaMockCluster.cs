using Confluent.Kafka;

namespace VoiceHelper.Messaging.Tests.Infrastructure;

/// <summary>
/// librdkafka's built-in mock cluster (no Kafka broker can be installed here): a client configured with
/// <c>test.mock.num.brokers</c> starts in-process brokers on loopback and ignores its bootstrap servers; their address,
/// read from the cluster metadata, is what the bus under test connects to. The cluster lives as long as this client.
/// </summary>
public sealed class KafkaMockCluster : IDisposable
{
    private readonly IAdminClient _owner;

    private KafkaMockCluster(IAdminClient owner, string bootstrapServers) => (_owner, BootstrapServers) = (owner, bootstrapServers);

    public string BootstrapServers { get; }

    public static KafkaMockCluster Start()
    {
        var config = new AdminClientConfig { BootstrapServers = "unused:9" };
        config.Set("test.mock.num.brokers", "1");
        config.Set("log_level", "4"); // the mock cluster announces itself at notice level on stderr
        var owner = new AdminClientBuilder(config).Build();
        try
        {
            var brokers = owner.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;
            return new KafkaMockCluster(owner, string.Join(",", brokers.Select(b => $"{b.Host}:{b.Port}")));
        }
        catch
        {
            owner.Dispose();
            throw;
        }
    }

    public void Dispose() => _owner.Dispose();
}
