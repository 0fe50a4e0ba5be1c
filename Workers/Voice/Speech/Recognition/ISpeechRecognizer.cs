namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>Streaming speech recognition. The recogniser is shared and thread-safe; a stream is per session.</summary>
public interface ISpeechRecognizer
{
    string Name { get; }

    /// <summary>Rate of the samples streams accept.</summary>
    int SampleRate { get; }

    ISpeechRecognitionStream OpenStream();
}
