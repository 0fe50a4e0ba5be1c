using System.Text;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class PartitionerTests
{
    // Kafka's own expectations (clients UtilsTest.testMurmur2): the same key must land on the same partition number there.
    [Theory]
    [InlineData("21", -973932308)]
    [InlineData("foobar", -790332482)]
    [InlineData("a-little-bit-long-string", -985981536)]
    [InlineData("a-little-bit-longer-string", -1486304829)]
    [InlineData("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971)]
    [InlineData("abc", 479470107)]
    public void Murmur2_matches_kafka(string key, int expected) =>
        Partitioner.Murmur2(Encoding.UTF8.GetBytes(key)).ShouldBe(expected);

    [Fact]
    public void A_key_always_maps_to_the_same_partition_and_keys_spread_over_all_partitions()
    {
        var partitions = Enumerable.Range(0, 1000).Select(i => Partitioner.PartitionFor($"tenant:user-{i}", 8)).ToList();
        partitions.ShouldAllBe(p => p >= 0 && p < 8);
        partitions.Distinct().Count().ShouldBe(8);
        Partitioner.PartitionFor("tenant:user-1", 8).ShouldBe(partitions[1]);
    }
}
