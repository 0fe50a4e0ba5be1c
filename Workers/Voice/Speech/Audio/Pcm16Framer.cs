namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>
/// Cuts a byte stream of PCM16 (as it arrives in WebSocket frames of any size, even odd ones) into
/// fixed frames of float samples. A byte left over from an odd-sized message waits for the next one.
/// Not thread-safe: one per session.
/// </summary>
public sealed class Pcm16Framer
{
    private readonly byte[] pending;
    private int pendingBytes;

    public Pcm16Framer(int samplesPerFrame)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerFrame, 1);
        SamplesPerFrame = samplesPerFrame;
        pending = new byte[samplesPerFrame * Pcm16.BytesPerSample];
    }

    public int SamplesPerFrame { get; }

    /// <summary>Bytes held back until a frame is complete.</summary>
    public int PendingBytes => pendingBytes;

    public IReadOnlyList<float[]> Push(ReadOnlySpan<byte> bytes)
    {
        var frames = new List<float[]>();
        while (!bytes.IsEmpty)
        {
            var take = Math.Min(pending.Length - pendingBytes, bytes.Length);
            bytes[..take].CopyTo(pending.AsSpan(pendingBytes));
            pendingBytes += take;
            bytes = bytes[take..];
            if (pendingBytes == pending.Length)
            {
                frames.Add(Pcm16.ToFloat(pending));
                pendingBytes = 0;
            }
        }

        return frames;
    }

    /// <summary>The last partial frame (whole samples only; a dangling odd byte is dropped).</summary>
    public float[] Flush()
    {
        var whole = pendingBytes - (pendingBytes % Pcm16.BytesPerSample);
        var tail = Pcm16.ToFloat(pending.AsSpan(0, whole));
        pendingBytes = 0;
        return tail;
    }
}
