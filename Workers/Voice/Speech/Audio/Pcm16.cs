using System.Buffers.Binary;

namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>
/// Conversions between the wire format (16 kHz mono PCM16 little-endian) and the float samples the
/// engines take. Input is validated here once, so engines can trust what they get.
/// </summary>
public static class Pcm16
{
    public const int BytesPerSample = 2;

    /// <summary>Decodes whole PCM16 samples; an odd byte count is a framing error, not audio.</summary>
    public static float[] ToFloat(ReadOnlySpan<byte> pcm)
    {
        if (pcm.Length % BytesPerSample != 0)
        {
            throw new ArgumentException($"PCM16 audio must have an even number of bytes, got {pcm.Length}.", nameof(pcm));
        }

        var samples = new float[pcm.Length / BytesPerSample];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(pcm[(i * 2)..]) / 32768f;
        }

        return samples;
    }

    public static float[] ToFloat(ReadOnlySpan<short> pcm)
    {
        var samples = new float[pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            samples[i] = pcm[i] / 32768f;
        }

        return samples;
    }

    /// <summary>Encodes with clipping; NaN becomes silence so a bad engine value never becomes a click.</summary>
    public static byte[] FromFloat(ReadOnlySpan<float> samples)
    {
        var pcm = new byte[samples.Length * BytesPerSample];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(pcm.AsSpan(i * 2), ToInt16(samples[i]));
        }

        return pcm;
    }

    public static short ToInt16(float sample)
    {
        if (float.IsNaN(sample))
        {
            return 0;
        }

        var scaled = MathF.Round(sample * 32767f);
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }

    /// <summary>Rejects NaN and infinity: native models turn them into garbage or crash on them.</summary>
    public static void EnsureFinite(ReadOnlySpan<float> samples, string parameterName)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            if (!float.IsFinite(samples[i]))
            {
                throw new ArgumentException($"Audio sample {i} is {samples[i]}; samples must be finite.", parameterName);
            }
        }
    }
}
