using System.Net.ServerSentEvents;
using System.Text.Json;
using VoiceHelper.Assistant.QueryRag;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// The pipeline's events as OpenAI streams a completion: <c>data: {chunk}</c> events (the role first, then the text as it
/// is written, then the finish reason with the usage and the cited sources) and a closing <c>data: [DONE]</c>.
/// </summary>
public static class ChatCompletionsStream
{
    public const string Done = "[DONE]";

    /// <summary>The events from the one already read on; the enumerator is disposed at the end.</summary>
    public static async IAsyncEnumerable<SseItem<string>> ToSseAsync(ChatCompletionsRun run, IAsyncEnumerator<QueryRagEvent> events, JsonSerializerOptions json)
    {
        await using (events)
        {
            do
            {
                if (Chunk(run, events.Current) is { } chunk)
                {
                    yield return new SseItem<string>(JsonSerializer.Serialize(chunk, json));
                }
            }
            while (await events.MoveNextAsync());
        }
        yield return new SseItem<string>(Done);
    }

    /// <summary>The chunk an event becomes, or null for one OpenAI has no place for.</summary>
    public static ChatCompletionsChunk? Chunk(ChatCompletionsRun run, QueryRagEvent @event) => @event switch
    {
        QueryRagSourcesFound => Of(run, new ChatCompletionsDelta(ChatCompletionsConversation.Assistant, ""), null),
        QueryRagDelta delta => Of(run, new ChatCompletionsDelta(Content: delta.Text), null),
        QueryRagAnswered answered => Of(run, new ChatCompletionsDelta(), ChatCompletionsChoice.Stop) with
        {
            Usage = ChatCompletionsUsage.From(answered.Answer),
            Sources = answered.Answer.Sources.Where(s => s.Cited).ToList(),
        },
        _ => null,
    };

    private static ChatCompletionsChunk Of(ChatCompletionsRun run, ChatCompletionsDelta delta, string? finishReason) =>
        new(run.Id, run.Created, run.Model, [new ChatCompletionsChunkChoice(0, delta, finishReason)]);
}
