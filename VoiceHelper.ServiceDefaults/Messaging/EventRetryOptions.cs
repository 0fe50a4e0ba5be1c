using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>Retries with exponential back-off, then the dead letters: the whole error policy of one event kind.</summary>
public sealed class EventRetryOptions
{
    /// <summary>Deliveries of one event to a failing handler, the first one included, before it is dead-lettered.</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry; doubled on each further one up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The waits between attempts: attempt n+1 starts after the n-th delay.</summary>
    public TimeSpan[] Delays()
    {
        var delays = new TimeSpan[MaxAttempts - 1];
        var delay = InitialBackoff;
        for (var i = 0; i < delays.Length; i++)
        {
            delays[i] = delay;
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxBackoff.Ticks));
        }
        return delays;
    }
}
