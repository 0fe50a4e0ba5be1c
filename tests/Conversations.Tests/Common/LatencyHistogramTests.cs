using VoiceHelper.Conversations.Common;

namespace VoiceHelper.Conversations.Tests.Common;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void Percentiles_are_within_ten_percent_above_the_true_value()
    {
        var histogram = LatencyHistogram.Add(Enumerable.Range(1, 100).Select(i => LatencyHistogram.Of(i * 10)));

        var p50 = LatencyHistogram.Percentile(histogram, 0.50)!.Value;
        var p95 = LatencyHistogram.Percentile(histogram, 0.95)!.Value;

        p50.ShouldBeInRange(500, 550);
        p95.ShouldBeInRange(950, 1045);
    }

    [Fact]
    public void An_empty_histogram_has_no_percentile() =>
        LatencyHistogram.Percentile(new int[LatencyHistogram.BucketCount], 0.5).ShouldBeNull();
}
