using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceHelper.Ai.Chat;

/// <summary>
/// The embedded default: answers a <see cref="GroundedPrompt"/> by quoting the best-supported source sentences with
/// their citations. It needs no model server, so a fresh checkout answers questions with no key and no download.
/// Instructions inside documents cannot steer it: it only ranks sentences by how much of the question they cover.
/// </summary>
public sealed class ExtractiveChatClient(ExtractiveOptions options) : IChatClient
{
    public const string ModelId = "extractive";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var answer = Answer(list);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(list, answer),
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages,
        ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var answer = Answer(list);
        // Word-sized deltas, like a model's, so that streaming clients behave the same with either provider.
        var start = 0;
        for (var i = 1; i <= answer.Length; i++)
        {
            if (i == answer.Length || answer[i] == ' ' || TextTerms.IsCjk(answer[i - 1]))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, answer[start..i]) { ModelId = ModelId };
                start = i;
                await Task.Yield();
            }
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ModelId = ModelId,
            FinishReason = ChatFinishReason.Stop,
            Contents = [new UsageContent(Usage(list, answer))],
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private string Answer(List<ChatMessage> messages)
    {
        var prompt = GroundedPrompt.Parse(messages);
        return prompt is null ? GroundedPrompt.DontKnowEnglish : ExtractiveAnswer.Compose(prompt, options);
    }

    private static UsageDetails Usage(List<ChatMessage> messages, string answer)
    {
        var input = messages.Sum(m => TokenEstimate.Count(m.Text));
        var output = TokenEstimate.Count(answer);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };
    }
}
