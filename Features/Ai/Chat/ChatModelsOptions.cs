namespace VoiceHelper.Ai.Chat;

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

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public ExtractiveOptions Extractive { get; set; } = new();
}
