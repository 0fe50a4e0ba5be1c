namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>Real time plus an offset the test moves: lockout windows and key rotation pass without sleeping.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
