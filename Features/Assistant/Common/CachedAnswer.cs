namespace VoiceHelper.Assistant.Common;

public sealed record CachedAnswer(float[] Embedding, string Payload);
