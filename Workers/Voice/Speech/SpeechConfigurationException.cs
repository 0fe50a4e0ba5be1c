namespace VoiceHelper.Voice.Speech;

/// <summary>A speech engine cannot start: a file or library is missing or a setting is invalid.</summary>
public sealed class SpeechConfigurationException : Exception
{
    public SpeechConfigurationException()
    {
    }

    public SpeechConfigurationException(string message)
        : base(message)
    {
    }

    public SpeechConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
