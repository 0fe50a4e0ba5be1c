using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class PartitionAssignmentTests
{
    [Theory]
    [InlineData(0, 8, 1, 8)]   // alone: take everything
    [InlineData(8, 8, 2, -4)]  // a second member joined: hand half back
    [InlineData(0, 8, 2, 4)]   // the newcomer claims its half
    [InlineData(3, 8, 3, 0)]   // ceil(8/3) = 3: every partition has an owner
    [InlineData(4, 8, 1, 4)]   // the other member died: take over its partitions
    public void A_member_moves_toward_an_even_share(int owned, int total, int live, int expected) =>
        PartitionAssignment.Adjustment(owned, total, live).ShouldBe(expected);
}
