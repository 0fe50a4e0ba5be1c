using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// The part of OpenAI's chat request VoiceHelper honours: the model (which knowledge to answer from), the messages and
/// <c>stream</c>. Sampling options (<c>temperature</c>, <c>max_tokens</c>, tools...) are accepted and ignored: the answer
/// is the grounded pipeline's, and so is its prompt.
/// </summary>
public sealed record ChatCompletionsRequest(string Model, IReadOnlyList<ChatCompletionsMessage> Messages, bool Stream = false)
    : IRequest<Result<ChatCompletionsRun>>;
