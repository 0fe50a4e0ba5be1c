namespace VoiceHelper.EventBus.Bench;

/// <summary>One sustained run: how many of the events were handled, in what time, by which instance.</summary>
internal sealed record ThroughputResult(int Events, int Handled, TimeSpan Produced, TimeSpan EndToEnd, bool Completed, string Split, int Duplicates)
{
    public double EventsPerSecond => Handled / EndToEnd.TotalSeconds;
}
