using System.Buffers.Binary;
using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.Speech.Audio;

public sealed class WavFileTests
{
    [Theory]
    [InlineData(WavSampleFormat.Pcm16, 16_000)]
    [InlineData(WavSampleFormat.IeeeFloat, 44_100)]
    public void Round_trips_mono_audio(WavSampleFormat format, int rate)
    {
        var samples = Enumerable.Range(0, 1000).Select(i => MathF.Sin(i * 0.05f) * 0.5f).ToArray();
        using var stream = new MemoryStream();
        WavFile.Write(stream, new AudioClip(samples, rate), format);

        var read = WavFile.Read(stream.ToArray());

        read.SampleRate.ShouldBe(rate);
        read.Samples.Length.ShouldBe(samples.Length);
        read.Samples.Zip(samples, (a, b) => Math.Abs(a - b)).Max().ShouldBeLessThan(1e-4f);
    }

    [Fact]
    public void Mixes_stereo_24_bit_down_to_mono()
    {
        var data = new byte[2 * 2 * 3];
        Write24(data.AsSpan(0), 0x400000);   // left +0.5
        Write24(data.AsSpan(3), 0x000000);   // right 0
        Write24(data.AsSpan(6), -0x400000);  // left -0.5
        Write24(data.AsSpan(9), -0x400000);  // right -0.5
        var clip = WavFile.Read(Wav(format: 1, channels: 2, rate: 48_000, bits: 24, data));

        clip.Samples.ShouldBe([0.25f, -0.5f]);
        clip.SampleRate.ShouldBe(48_000);
    }

    [Fact]
    public void Rejects_a_data_chunk_that_is_not_whole_samples() =>
        Should.Throw<InvalidDataException>(() => WavFile.Read(Wav(1, 1, 16_000, 16, new byte[7])));

    [Fact]
    public void Rejects_nan_floats()
    {
        var data = new byte[8];
        BinaryPrimitives.WriteSingleLittleEndian(data, 0.1f);
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4), float.NaN);
        Should.Throw<InvalidDataException>(() => WavFile.Read(Wav(3, 1, 16_000, 32, data))).Message.ShouldContain("finite");
    }

    [Theory]
    [InlineData(4_000)]
    [InlineData(384_000)]
    public void Rejects_unsupported_sample_rates(int rate) =>
        Should.Throw<InvalidDataException>(() => WavFile.Read(Wav(1, 1, rate, 16, new byte[4]))).Message.ShouldContain("sample rate");

    [Fact]
    public void Rejects_empty_and_non_wav_input()
    {
        Should.Throw<InvalidDataException>(() => WavFile.Read([]));
        Should.Throw<InvalidDataException>(() => WavFile.Read("not a wav file at all"u8));
        WavFile.Read(Wav(1, 1, 16_000, 16, [])).Samples.ShouldBeEmpty();
    }

    private static void Write24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static byte[] Wav(ushort format, ushort channels, int rate, ushort bits, byte[] data)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + data.Length);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write(format);
        writer.Write(channels);
        writer.Write(rate);
        writer.Write(rate * channels * bits / 8);
        writer.Write((ushort)(channels * bits / 8));
        writer.Write(bits);
        writer.Write("data"u8);
        writer.Write(data.Length);
        writer.Write(data);
        return stream.ToArray();
    }
}
