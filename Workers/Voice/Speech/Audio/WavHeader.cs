namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>The fields of a WAV fmt chunk the reader needs (format is the real tag, even when extensible).</summary>
internal readonly record struct WavHeader(ushort Format, ushort Channels, int SampleRate, ushort BitsPerSample);
