namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>
/// Native streams are not thread-safe; a session that overlaps calls has a bug, so it fails loudly
/// here instead of corrupting decoder state.
/// </summary>
internal sealed class StreamCallGuard
{
    private int busy;

    public StreamCallScope Enter()
    {
        if (Interlocked.Exchange(ref busy, 1) != 0)
        {
            throw new InvalidOperationException("A recognition stream accepts one call at a time; await the previous call first.");
        }

        return new StreamCallScope(this);
    }

    internal void Leave() => Volatile.Write(ref busy, 0);
}
