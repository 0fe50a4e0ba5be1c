using VoiceHelper.Ai.Chat;

namespace VoiceHelper.Assistant.Common;

/// <summary>The providers a tenant may configure, as spelled on the wire.</summary>
public static class ModelProviders
{
    public const string OpenAiCompatible = "openai_compatible";
    public const string Ollama = "ollama";

    /// <summary>The embedded extractive answerer, with the tenant's own tier and prices.</summary>
    public const string Embedded = "embedded";

    public static readonly IReadOnlyList<string> All = [OpenAiCompatible, Ollama, Embedded];

    public static ChatProvider ToChatProvider(string provider) => provider switch
    {
        OpenAiCompatible => ChatProvider.OpenAiCompatible,
        Ollama => ChatProvider.Ollama,
        _ => ChatProvider.Extractive,
    };
}
