using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ChatCompletions;

/// <summary>
/// Resolves the model to the tenant's knowledge bases, turns the conversation into the pipeline's question and hands it
/// to the one answer pipeline (<see cref="QueryRagRequest"/> through the mediator, behaviours and validation included).
/// </summary>
public sealed class ChatCompletionsHandler(KnowledgeModels models, IMediator mediator, TimeProvider clock)
    : IRequestHandler<ChatCompletionsRequest, Result<ChatCompletionsRun>>
{
    public async Task<Result<ChatCompletionsRun>> Handle(ChatCompletionsRequest request, CancellationToken cancellationToken)
    {
        var model = await models.ResolveAsync(request.Model, cancellationToken);
        if (!model.IsSuccess)
        {
            return model.Error!;
        }

        var question = ChatCompletionsConversation.ToQuestion(request.Messages, model.Value!.KnowledgeBaseIds, request.Stream);
        var answer = await mediator.Send(new QueryRagRequest(question, request.Stream), cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Error!;
        }
        var now = clock.GetUtcNow();
        return new ChatCompletionsRun($"chatcmpl-{Guid.CreateVersion7(now):N}", model.Value.Id, now.ToUnixTimeSeconds(), answer.Value!);
    }
}
