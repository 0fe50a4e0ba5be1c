namespace VoiceHelper.Ai.Chat;

public enum ChatProvider
{
    OpenAiCompatible,
    Extractive,
}
