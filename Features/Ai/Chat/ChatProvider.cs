using System.Text.Json.Serialization;

namespace VoiceHelper.Ai.Chat;

public enum ChatProvider
{
    /// <summary>Any OpenAI-compatible chat-completions API (OpenAI, vLLM, llama.cpp server, Ollama's /v1).</summary>
    [JsonStringEnumMemberName("openai_compatible")] // as the models admin API spells it
    OpenAiCompatible,

    /// <summary>Ollama's native API (<c>/api/chat</c>) through OllamaSharp.</summary>
    Ollama,

    /// <summary>The embedded extractive answerer: no model server.</summary>
    Extractive,
}
