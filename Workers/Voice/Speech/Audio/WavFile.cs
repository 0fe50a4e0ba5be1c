using System.Buffers.Binary;
using System.Text;

namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>
/// RIFF/WAVE reading and writing. Reads PCM 8/16/24/32-bit and IEEE float 32/64-bit (also inside
/// WAVE_FORMAT_EXTENSIBLE), any channel count (mixed down to mono), 8-192 kHz; anything else, a
/// truncated file or a non-finite float is rejected with <see cref="InvalidDataException"/>.
/// </summary>
public static class WavFile
{
    public const int MinSampleRate = 8_000;
    public const int MaxSampleRate = 192_000;

    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static AudioClip Read(string path) => Read(File.ReadAllBytes(path));

    public static AudioClip Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        WavHeader? header = null;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(position + 4)..]);
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                header = ReadHeader(bytes.Slice(body, (int)Math.Min(size, (uint)(bytes.Length - body))));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (header is null)
                {
                    throw new InvalidDataException("WAV data chunk comes before its fmt chunk.");
                }

                // Streamed WAVs carry 0 or 0xFFFFFFFF as the data size: take what the file has.
                var available = bytes.Length - body;
                var length = size == 0 || size > available ? available : (int)size;
                return Decode(header.Value, bytes.Slice(body, length));
            }

            position = body + (int)Math.Min(size + (size & 1), (uint)(bytes.Length - body));
        }

        throw new InvalidDataException("WAV file has no data chunk.");
    }

    public static void Write(string path, AudioClip clip, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        using var stream = File.Create(path);
        Write(stream, clip, format);
    }

    public static void Write(Stream stream, AudioClip clip, WavSampleFormat format = WavSampleFormat.Pcm16)
    {
        var bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        var dataLength = clip.Samples.Length * bytesPerSample;
        using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataLength);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write(format == WavSampleFormat.Pcm16 ? FormatPcm : FormatFloat);
        writer.Write((ushort)1);
        writer.Write(clip.SampleRate);
        writer.Write(clip.SampleRate * bytesPerSample);
        writer.Write((ushort)bytesPerSample);
        writer.Write((ushort)(bytesPerSample * 8));
        writer.Write("data"u8);
        writer.Write(dataLength);
        if (format == WavSampleFormat.Pcm16)
        {
            writer.Write(Pcm16.FromFloat(clip.Samples));
        }
        else
        {
            foreach (var sample in clip.Samples)
            {
                writer.Write(sample);
            }
        }
    }

    private static WavHeader ReadHeader(ReadOnlySpan<byte> fmt)
    {
        if (fmt.Length < 16)
        {
            throw new InvalidDataException("WAV fmt chunk is too short.");
        }

        var format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (format == FormatExtensible && fmt.Length >= 26)
        {
            // The sub-format GUID starts with the real format tag.
            format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        var supported = (format == FormatPcm && bits is 8 or 16 or 24 or 32)
            || (format == FormatFloat && bits is 32 or 64);
        if (!supported)
        {
            throw new InvalidDataException($"Unsupported WAV encoding: format {format}, {bits} bits.");
        }

        if (channels is < 1 or > 8)
        {
            throw new InvalidDataException($"Unsupported WAV channel count {channels}.");
        }

        if (sampleRate is < MinSampleRate or > MaxSampleRate)
        {
            throw new InvalidDataException($"Unsupported WAV sample rate {sampleRate} Hz (expected {MinSampleRate}-{MaxSampleRate}).");
        }

        return new WavHeader(format, channels, sampleRate, bits);
    }

    private static AudioClip Decode(WavHeader header, ReadOnlySpan<byte> data)
    {
        var bytesPerSample = header.BitsPerSample / 8;
        var frameSize = bytesPerSample * header.Channels;
        if (data.Length % frameSize != 0)
        {
            throw new InvalidDataException($"WAV data length {data.Length} is not a whole number of {frameSize}-byte frames.");
        }

        var frames = data.Length / frameSize;
        var samples = new float[frames];
        for (var frame = 0; frame < frames; frame++)
        {
            double sum = 0;
            for (var channel = 0; channel < header.Channels; channel++)
            {
                sum += ReadSample(header, data.Slice((frame * frameSize) + (channel * bytesPerSample), bytesPerSample));
            }

            var mono = (float)(sum / header.Channels);
            if (!float.IsFinite(mono))
            {
                throw new InvalidDataException($"WAV sample {frame} is not a finite number.");
            }

            samples[frame] = mono;
        }

        return new AudioClip(samples, header.SampleRate);
    }

    private static double ReadSample(WavHeader header, ReadOnlySpan<byte> bytes) => (header.Format, header.BitsPerSample) switch
    {
        (FormatPcm, 8) => (bytes[0] - 128) / 128.0,
        (FormatPcm, 16) => BinaryPrimitives.ReadInt16LittleEndian(bytes) / 32768.0,
        (FormatPcm, 24) => ((bytes[0] << 8 | bytes[1] << 16 | bytes[2] << 24) >> 8) / 8388608.0,
        (FormatPcm, 32) => BinaryPrimitives.ReadInt32LittleEndian(bytes) / 2147483648.0,
        (FormatFloat, 32) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        _ => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
    };
}
