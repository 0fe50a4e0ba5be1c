using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ai.Chat;

public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failures that open the circuit.</summary>
    [Range(1, 1000)] public int ConsecutiveFailures { get; set; } = 3;

    /// <summary>Share of failures among the last <see cref="WindowSize"/> calls that opens it (once that many were made).</summary>
    [Range(0.0, 1.0)] public double FailureRate { get; set; } = 0.5;

    [Range(2, 10000)] public int WindowSize { get; set; } = 20;

    /// <summary>How long an open circuit refuses calls before one probe is let through (half-open).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
