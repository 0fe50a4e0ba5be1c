using Polly.CircuitBreaker;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// The model catalog (<c>Ai:Chat</c>). With nothing configured the catalog holds only the embedded extractive
/// answerer; configured models are tried in <see cref="FallbackChain"/> order and the extractive answerer always
/// comes last, so a question gets an answer while any model is down.
/// </summary>
public sealed class ChatModelsOptions
{
    public const string Section = "Ai:Chat";

    public List<ChatModelOptions> Models { get; set; } = [];

    /// <summary>Model ids in the order to try; empty means the order of <see cref="Models"/>.</summary>
    public List<string> FallbackChain { get; set; } = [];

    /// <summary>
    /// Each model's breaker (Polly): with the defaults, three calls of which at least half failed within a minute open it
    /// for 30 s. Bound from <c>Ai:Chat:CircuitBreaker</c> (FailureRatio, MinimumThroughput, SamplingDuration, BreakDuration).
    /// </summary>
    public CircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new()
    {
        FailureRatio = 0.5,
        MinimumThroughput = 3,
        SamplingDuration = TimeSpan.FromSeconds(60),
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    public ExtractiveOptions Extractive { get; set; } = new();
}
