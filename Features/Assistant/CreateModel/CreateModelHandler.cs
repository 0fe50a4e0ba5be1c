using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Models;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Assistant.CreateModel;

/// <summary>Adds a model to the caller's tenant; its name may be neither another of its models' nor a catalog model's.</summary>
public sealed class CreateModelHandler(AssistantDbContext db, AgentDbContext allowList, ModelApiKeys apiKeys, ChatModelCatalog catalog, ITenantContext tenant,
    TimeProvider clock)
    : IRequestHandler<CreateModelRequest, Result<ModelConfiguration>>
{
    public async Task<Result<ModelConfiguration>> Handle(CreateModelRequest request, CancellationToken cancellationToken)
    {
        if (catalog.Chain.Any(m => m.Id == request.Name) || await db.Models.AnyAsync(m => m.Name == request.Name, cancellationToken))
        {
            return AssistantErrors.ModelNameTaken;
        }
        if (await ModelEndpoints.RefusalAsync(allowList, request.Endpoint, cancellationToken) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow();
        var model = new TenantModel
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name!,
            Provider = request.Provider!,
            Endpoint = request.Endpoint,
            Model = request.Model,
            ApiKey = string.IsNullOrEmpty(request.ApiKey) ? null : apiKeys.Protect(tenant.TenantId!.Value, request.ApiKey),
            InputPricePer1K = request.InputPricePer1K!.Value,
            OutputPricePer1K = request.OutputPricePer1K!.Value,
            ContextWindow = request.ContextWindow!.Value,
            QualityTier = request.QualityTier ?? 3,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Models.Add(model);
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
