using System.Text;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// Kafka's default partitioner (murmur2 of the UTF-8 key, made positive, modulo the partition count), so a
/// key lands on the same partition number on this log and on a Kafka topic with the same partition count.
/// </summary>
public static class Partitioner
{
    public static int PartitionFor(string key, int partitions) =>
        (int)((uint)(Murmur2(Encoding.UTF8.GetBytes(key)) & 0x7fffffff) % (uint)partitions);

    /// <summary>A port of <c>org.apache.kafka.common.utils.Utils.murmur2</c>.</summary>
    public static int Murmur2(ReadOnlySpan<byte> data)
    {
        const uint m = 0x5bd1e995;
        const int r = 24;
        var length = data.Length;
        var h = 0x9747b28c ^ (uint)length;
        var blocks = length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = (uint)(data[i * 4] | data[(i * 4) + 1] << 8 | data[(i * 4) + 2] << 16 | data[(i * 4) + 3] << 24);
            k *= m;
            k ^= k >> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        var tail = blocks * 4;
        switch (length % 4)
        {
            case 3:
                h ^= (uint)data[tail + 2] << 16;
                goto case 2;
            case 2:
                h ^= (uint)data[tail + 1] << 8;
                goto case 1;
            case 1:
                h ^= data[tail];
                h *= m;
                break;
        }
        h ^= h >> 13;
        h *= m;
        h ^= h >> 15;
        return (int)h;
    }
}
