namespace VoiceHelper.Knowledge.Common;

/// <summary>
/// Whether a knowledge base's vectors come from the embedder queries use now: <c>current</c>, or <c>reembedding</c> with
/// the chunks still to do (the worker re-embeds in the background; vector search covers the chunks already done).
/// <c>StaleWeightChunks</c>: chunks the lexical embedder weighted when the knowledge base was more than twice smaller or
/// larger, which the worker is re-weighting (decision 0009); always 0 with a model server.
/// </summary>
public sealed record KnowledgeBaseEmbeddingStatus(string Status, string TargetModel, long PendingChunks, long StaleWeightChunks);
