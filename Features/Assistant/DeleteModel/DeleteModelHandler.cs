using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.DeleteModel;

/// <summary>The model leaves the routing with the next request; an A/B variant that named it keeps the tenant's routing.</summary>
public sealed class DeleteModelHandler(AssistantDbContext db) : IRequestHandler<DeleteModelRequest, Result>
{
    public async Task<Result> Handle(DeleteModelRequest request, CancellationToken cancellationToken) =>
        await db.Models.Where(m => m.Id == request.Id).ExecuteDeleteAsync(cancellationToken) == 0
            ? AssistantErrors.ModelNotFound
            : Result.Success;
}
