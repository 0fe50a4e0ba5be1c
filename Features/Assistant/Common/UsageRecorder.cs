using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Assistant.Common;

/// <summary>
/// What a model's work cost (a grounded answer, an agent run): one usage row and its <c>usage.recorded</c> event, in one
/// transaction. The work is done by then, so what it cost is recorded even if the client has gone away meanwhile.
/// </summary>
public sealed class UsageRecorder(AssistantDbContext db, IDbContextOutbox<AssistantDbContext> outbox, ITenantContext tenant, TimeProvider clock)
{
    public const string RagQuery = "rag.query";
    public const string AgentExecute = "agent.execute";

    public async Task RecordAsync(string operation, string provider, string model, long promptTokens, long completionTokens, decimal cost, double latencyMs,
        bool cacheHit, bool fallbackUsed, AbTestOutcome? outcome = null)
    {
        var now = clock.GetUtcNow();
        var record = new UsageRecord
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.TenantId!.Value,
            UserId = tenant.UserId,
            Operation = operation,
            Provider = provider,
            Model = model,
            PromptTokens = (int)promptTokens,
            CompletionTokens = (int)completionTokens,
            CostUsd = cost,
            LatencyMs = (int)Math.Round(latencyMs),
            CacheHit = cacheHit,
            FallbackUsed = fallbackUsed,
            RecordedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.Usage.Add(record);
        if (outcome is not null)
        {
            outcome.Id = record.Id;
            outcome.TenantId = record.TenantId;
            outcome.UserId = record.UserId;
            outcome.RecordedAt = now;
            db.AbTestOutcomes.Add(outcome);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await outbox.PublishAsync(new UsageRecorded(record.TenantId, record.UserId, record.Id, record.Operation, provider, model,
            record.PromptTokens, record.CompletionTokens, cost, record.LatencyMs, now));
        await transaction.CommitAsync(CancellationToken.None);
        await outbox.FlushOutgoingMessagesAsync();
    }
}
