using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Assistant.Common;

/// <summary><c>Rag</c>: retrieval and context sizes.</summary>
public sealed class RagOptions
{
    public const string Section = "Rag";

    /// <summary>Chunks asked from Knowledge before reranking, as a multiple of the requested top_k (at least 10).</summary>
    [Range(1, 10)] public int CandidateMultiplier { get; set; } = 3;

    /// <summary>Tokens of source text given to the model at most (capped at half the model's context window).</summary>
    [Range(100, 100000)] public int ContextTokenBudget { get; set; } = 1500;

    /// <summary>
    /// Tokens of conversation history (summary and earlier turns) given to a chat model at most; less when the model's
    /// context window, after the sources, the question and a quarter kept for the answer, has less room.
    /// </summary>
    [Range(0, 100000)] public int HistoryTokenBudget { get; set; } = 2000;

    /// <summary>Share of an answer sentence's content terms its cited source must contain to count as supported.</summary>
    [Range(0.0, 1.0)] public double GroundednessThreshold { get; set; } = 0.6;
}
