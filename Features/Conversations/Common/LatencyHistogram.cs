namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Answer latencies as counts in buckets whose bounds grow by 10 % from 1 ms to 10 minutes (plus one overflow
/// bucket). Daily rows add up bucket by bucket, so p50/p95 over any range come from a few rows instead of every
/// message, at the price of a percentile reported as its bucket's upper bound (at most 10 % high).
/// </summary>
public static class LatencyHistogram
{
    public static readonly IReadOnlyList<int> UpperBounds = BuildBounds();

    public static int BucketCount => UpperBounds.Count;

    public static int IndexOf(int latencyMs)
    {
        var index = 0;
        var high = UpperBounds.Count - 1;
        while (index < high)
        {
            var middle = (index + high) / 2;
            if (UpperBounds[middle] >= latencyMs)
            {
                high = middle;
            }
            else
            {
                index = middle + 1;
            }
        }
        return index;
    }

    /// <summary>A histogram holding one latency (what one answer adds to its day).</summary>
    public static int[] Of(int latencyMs)
    {
        var buckets = new int[BucketCount];
        buckets[IndexOf(latencyMs)] = 1;
        return buckets;
    }

    public static int[] Add(IEnumerable<int[]> histograms)
    {
        var sum = new int[BucketCount];
        foreach (var histogram in histograms)
        {
            for (var i = 0; i < Math.Min(sum.Length, histogram.Length); i++)
            {
                sum[i] += histogram[i];
            }
        }
        return sum;
    }

    /// <summary>The upper bound of the bucket holding the <paramref name="quantile"/> rank, or null when empty.</summary>
    public static int? Percentile(int[] buckets, double quantile)
    {
        long total = buckets.Sum(b => (long)b);
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return UpperBounds[Math.Min(i, UpperBounds.Count - 1)];
            }
        }
        return UpperBounds[^1];
    }

    private static List<int> BuildBounds()
    {
        var bounds = new List<int>();
        for (var bound = 1; bound < 600_000; bound = Math.Max(bound + 1, (int)Math.Ceiling(bound * 1.1)))
        {
            bounds.Add(bound);
        }
        bounds.Add(600_000);
        bounds.Add(int.MaxValue);
        return bounds;
    }
}
