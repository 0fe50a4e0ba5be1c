using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Models;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.UpdateModel;

/// <summary>A new version of the row: the next request builds a fresh client (and breaker) for it.</summary>
public sealed class UpdateModelHandler(AssistantDbContext db, AgentDbContext allowList, ModelApiKeys apiKeys, ChatModelCatalog catalog, TimeProvider clock)
    : IRequestHandler<UpdateModelRequest, Result<ModelConfiguration>>
{
    public async Task<Result<ModelConfiguration>> Handle(UpdateModelRequest request, CancellationToken cancellationToken)
    {
        var model = await db.Models.SingleOrDefaultAsync(m => m.Id == request.Id, cancellationToken);
        if (model is null)
        {
            return AssistantErrors.ModelNotFound;
        }
        if (catalog.Chain.Any(m => m.Id == request.Name)
            || await db.Models.AnyAsync(m => m.Name == request.Name && m.Id != request.Id, cancellationToken))
        {
            return AssistantErrors.ModelNameTaken;
        }
        if (await ModelEndpoints.RefusalAsync(allowList, request.Endpoint, cancellationToken) is { } refused)
        {
            return refused;
        }
        model.Name = request.Name!;
        model.Provider = request.Provider!;
        model.Endpoint = request.Endpoint;
        model.Model = request.Model;
        model.ApiKey = string.IsNullOrEmpty(request.ApiKey) ? model.ApiKey : apiKeys.Protect(model.TenantId, request.ApiKey);
        model.InputPricePer1K = request.InputPricePer1K!.Value;
        model.OutputPricePer1K = request.OutputPricePer1K!.Value;
        model.ContextWindow = request.ContextWindow!.Value;
        model.QualityTier = request.QualityTier ?? model.QualityTier;
        model.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AssistantErrors.ModelNameTaken;
        }
        return ModelConfiguration.From(model);
    }
}
