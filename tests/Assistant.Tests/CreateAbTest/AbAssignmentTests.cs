using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Tests.CreateAbTest;

public sealed class AbAssignmentTests
{
    private static readonly AbTestVariant[] Variants = [new("control", 50, null, null), new("mini", 30, "mini", null), new("brief", 20, null, "Be brief.")];

    [Fact]
    public void Ten_thousand_users_split_in_proportion_to_the_weights_within_chi_square_tolerance()
    {
        var testId = Guid.Parse("0193a1d4-7a0e-7c55-9a1b-1f2e3d4c5b6a");
        var counts = Variants.ToDictionary(v => v.Name, _ => 0L);
        var random = new Random(18);
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            counts[AbAssignment.Assign(new Guid(bytes), testId, Variants).Name]++;
        }

        var (statistic, p) = ChiSquare.GoodnessOfFit(Variants.Select(v => counts[v.Name]).ToList(), Variants.Select(v => v.Weight * 100.0).ToList());

        // df = 2: the 0.001 critical value is 13.82; a fair split exceeds it once in a thousand seeds.
        statistic.ShouldBeLessThan(13.82, string.Join(", ", counts));
        p.ShouldBeGreaterThan(0.001);
    }

    [Fact]
    public void A_user_keeps_their_variant_across_calls_and_is_assigned_independently_in_another_test()
    {
        var testA = Guid.NewGuid();
        var testB = Guid.NewGuid();
        var users = Enumerable.Range(0, 1_000).Select(_ => Guid.NewGuid()).ToList();

        foreach (var user in users)
        {
            var first = AbAssignment.Assign(user, testA, Variants);
            AbAssignment.Assign(user, testA, Variants).ShouldBe(first);
        }
        // Another test reshuffles: the same users do not land in the same arms (about half of them would by chance here).
        var same = users.Count(u => AbAssignment.Assign(u, testA, Variants).Name == AbAssignment.Assign(u, testB, Variants).Name);
        same.ShouldBeInRange(250, 500);
    }

    [Fact]
    public void The_p_value_of_the_chi_square_distribution_matches_the_tables()
    {
        ChiSquare.PValue(3.841, 1).ShouldBe(0.05, 0.001);
        ChiSquare.PValue(5.991, 2).ShouldBe(0.05, 0.001);
        ChiSquare.PValue(13.816, 2).ShouldBe(0.001, 0.0002);
        ChiSquare.PValue(18.307, 10).ShouldBe(0.05, 0.001);
        ChiSquare.PValue(0, 3).ShouldBe(1);
    }
}
