namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// How many partitions one live member of a consumer group should own: an even share, rounded up so that
/// every partition has an owner. A member above its share releases the surplus for a newcomer (Kafka's rebalance).
/// </summary>
public static class PartitionAssignment
{
    public static int FairShare(int totalPartitions, int liveMembers) =>
        liveMembers <= 0 ? totalPartitions : (totalPartitions + liveMembers - 1) / liveMembers;

    /// <summary>Positive: partitions to claim; negative: partitions to release.</summary>
    public static int Adjustment(int owned, int totalPartitions, int liveMembers) =>
        FairShare(totalPartitions, liveMembers) - owned;
}
