namespace VoiceHelper.Assistant.Common;

/// <summary>
/// What a cache lookup found. <see cref="SetKey"/> and <see cref="Embedding"/> are kept so that storing the fresh
/// answer afterwards neither embeds again nor races with an invalidation in between (it lands in the old set).
/// </summary>
public sealed record CacheLookup(bool Available, string? Payload, double Similarity, string? SetKey, float[]? Embedding)
{
    public static readonly CacheLookup Unavailable = new(false, null, 0, null, null);
}
