namespace VoiceHelper.Ai.Reranking;

/// <summary><c>Ai:Reranking</c>: the embedded lexical reranker unless an HTTP <c>/rerank</c> endpoint is configured.</summary>
public sealed class RerankingOptions
{
    public const string Section = "Ai:Reranking";

    /// <summary>Base address of a Cohere/Jina/vLLM-style rerank API; <c>{Endpoint}/rerank</c> is called.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "rerank";

    public string? ApiKey { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}
