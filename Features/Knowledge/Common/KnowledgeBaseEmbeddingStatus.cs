namespace VoiceHelper.Knowledge.Common;

/// <summary>
/// Whether a knowledge base's vectors come from the embedder queries use now: <c>current</c>, or <c>reembedding</c> with
/// the chunks still to do (the worker re-embeds in the background; vector search covers the chunks already done).
/// </summary>
public sealed record KnowledgeBaseEmbeddingStatus(string Status, string TargetModel, long PendingChunks);
