using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.Speech.Audio;

public sealed class Pcm16Tests
{
    [Fact]
    public void Framer_reassembles_frames_from_odd_sized_messages()
    {
        var pcm = Pcm16.FromFloat(Enumerable.Range(0, 1000).Select(i => (i % 100) / 200f).ToArray());
        var framer = new Pcm16Framer(320);
        var frames = new List<float[]>();
        var offset = 0;
        foreach (var size in new[] { 1, 333, 7, 640, 1019 })
        {
            frames.AddRange(framer.Push(pcm.AsSpan(offset, size)));
            offset += size;
        }

        frames.Count.ShouldBe(3);
        frames.ShouldAllBe(f => f.Length == 320);
        framer.Flush().Length.ShouldBe(40);
        frames.SelectMany(f => f).Take(5).ShouldBe(Pcm16.ToFloat(pcm.AsSpan(0, 10)));
    }

    [Fact]
    public void Odd_byte_counts_and_non_finite_samples_are_rejected()
    {
        Should.Throw<ArgumentException>(() => Pcm16.ToFloat(new byte[3]));
        Should.Throw<ArgumentException>(() => Pcm16.EnsureFinite([1f, float.NegativeInfinity], "x"));
    }

    [Fact]
    public void Encoding_clips_and_maps_nan_to_silence()
    {
        Pcm16.ToInt16(2f).ShouldBe(short.MaxValue);
        Pcm16.ToInt16(-2f).ShouldBe(short.MinValue);
        Pcm16.ToInt16(float.NaN).ShouldBe((short)0);
        LevelMeter.Measure([0.5f, -0.5f]).Rms.ShouldBe(0.5f);
        LevelMeter.Measure([]).RmsDbfs.ShouldBe(double.NegativeInfinity);
    }
}
