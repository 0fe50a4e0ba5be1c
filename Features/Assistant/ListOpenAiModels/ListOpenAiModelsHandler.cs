using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.ListOpenAiModels;

public sealed class ListOpenAiModelsHandler(KnowledgeModels models) : IRequestHandler<ListOpenAiModelsRequest, Result<ListOpenAiModelsResponse>>
{
    public const string Owner = "voicehelper";

    public async Task<Result<ListOpenAiModelsResponse>> Handle(ListOpenAiModelsRequest request, CancellationToken cancellationToken)
    {
        var listed = await models.ListAsync(cancellationToken);
        return listed.IsSuccess
            ? new ListOpenAiModelsResponse(listed.Value!.Select(m => new ListOpenAiModelsItem(m.Id, m.Created.ToUnixTimeSeconds(), Owner, m.Description)).ToList())
            : listed.Error!;
    }
}
