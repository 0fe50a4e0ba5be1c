namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// Whether a binary frame can be 16 kHz PCM16 audio. Odd byte counts cannot; a frame that starts with a container's
/// magic bytes (a WAV, tagged MP3, Ogg, FLAC, WebM file) is a client sending files instead of samples. Noise that is
/// valid PCM passes and is left to the detector.
/// </summary>
public static class VoiceCallFrameDecision
{
    public static VoiceCallError? Check(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty)
        {
            return new VoiceCallError("empty_frame", "An audio frame must hold at least one sample.");
        }
        if (frame.Length % 2 != 0)
        {
            return new VoiceCallError("odd_frame_length", $"Audio frames are PCM16: {frame.Length} bytes is not a whole number of samples. The frame was dropped.");
        }
        if (frame.StartsWith("RIFF"u8) || frame.StartsWith("ID3"u8) || frame.StartsWith("OggS"u8) || frame.StartsWith("fLaC"u8)
            || frame.StartsWith((byte[])[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return new VoiceCallError("not_pcm", "Binary frames carry raw 16 kHz mono PCM16 samples, not an encoded file. The frame was dropped.");
        }
        return null;
    }
}
