using System.Text.Json.Serialization;
namespace VoiceHelper.Assistant.ListOpenAiModels;

/// <summary>OpenAI's model list: <c>{"object":"list","data":[...]}</c>.</summary>
public sealed record ListOpenAiModelsResponse(IReadOnlyList<ListOpenAiModelsItem> Data)
{
    [JsonPropertyName("object")] public string Kind => "list";
}
