using VoiceHelper.Assistant.QueryRag;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>A completion under way: its OpenAI identity and the answer pipeline's events (nothing runs until they are read).</summary>
/// <param name="Created">Unix seconds.</param>
public sealed record ChatCompletionsRun(string Id, string Model, long Created, IAsyncEnumerable<QueryRagEvent> Events);
