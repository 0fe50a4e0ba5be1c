using System.Text.Json.Serialization;
namespace VoiceHelper.Assistant.ListOpenAiModels;

/// <summary>One model as OpenAI lists it; <paramref name="Description"/> (the knowledge base's name) is VoiceHelper's addition.</summary>
/// <param name="Created">Unix seconds.</param>
public sealed record ListOpenAiModelsItem(string Id, long Created, string OwnedBy, string Description)
{
    [JsonPropertyName("object")] public string Kind => "model";
}
