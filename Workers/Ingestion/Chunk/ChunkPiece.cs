namespace VoiceHelper.Ingestion.Chunk;

/// <summary>A sentence on its way into a chunk; <see cref="StartsBlock"/> (it starts a block or a line) puts a line break before it.</summary>
internal sealed record ChunkPiece(string Text, int Tokens, int? Page, bool StartsBlock);
