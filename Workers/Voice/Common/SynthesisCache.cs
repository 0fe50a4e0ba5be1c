using System.Collections.Concurrent;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Audio of short, often repeated phrases ("I don't know.", greetings) by voice and text. Bounded: when full, the
/// entry used least recently goes. Sentences of real answers rarely repeat, so only short ones are offered.
/// </summary>
public sealed class SynthesisCache(int capacity)
{
    private readonly ConcurrentDictionary<(string Voice, string Text), Entry> entries = new();
    private long clock;

    public int Count => entries.Count;

    public bool TryGet(string voice, string text, out byte[] pcm)
    {
        if (entries.TryGetValue((voice, text), out var entry))
        {
            entry.LastUsed = Interlocked.Increment(ref clock);
            pcm = entry.Pcm;
            return true;
        }
        pcm = [];
        return false;
    }

    public void Add(string voice, string text, byte[] pcm)
    {
        entries[(voice, text)] = new Entry(pcm) { LastUsed = Interlocked.Increment(ref clock) };
        while (entries.Count > capacity)
        {
            var oldest = entries.MinBy(e => e.Value.LastUsed).Key;
            entries.TryRemove(oldest, out _);
        }
    }

    private sealed class Entry(byte[] pcm)
    {
        public byte[] Pcm { get; } = pcm;

        public long LastUsed { get; set; }
    }
}
