namespace VoiceHelper.Assistant.Models;

/// <summary>Why a model in the chain did not answer: <c>circuit_open</c>, <c>timeout</c> or <c>error</c>.</summary>
public sealed record ModelFailure(string ModelId, string Reason, string? Detail)
{
    /// <summary>The reason a failed call is counted under in <see cref="ModelHealth"/>.</summary>
    public static string ReasonOf(Exception failure) => failure switch
    {
        Polly.CircuitBreaker.BrokenCircuitException => "circuit_open",
        TimeoutException => "timeout",
        _ => "error",
    };
}
