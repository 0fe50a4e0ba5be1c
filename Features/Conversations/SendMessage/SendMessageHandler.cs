using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Conversations.Common;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using Wolverine.EntityFrameworkCore;

namespace VoiceHelper.Conversations.SendMessage;

/// <summary>
/// One turn: lock the conversation, build the context, ask the Assistant, store the question and the answer
/// with their events in one transaction. The row lock is held for the whole turn, so the sends of one
/// conversation are strictly ordered and each sees the previous answer in its context.
/// </summary>
public sealed class SendMessageHandler(
    ConversationsDbContext db, ITenantContext caller, ContextCache cache, AssistantClient assistant, IDbContextOutbox<ConversationsDbContext> outbox,
    IOptions<JsonOptions> json, TimeProvider clock, ILogger<SendMessageHandler> logger, PreparedAnswers preparedAnswers)
    : IRequestHandler<SendMessageRequest, Result<MessageResponse>>
{
    public async Task<Result<MessageResponse>> Handle(SendMessageRequest request, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var conversation = await ConversationLock.LockAsync(db, request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        PreparedAnswer? prepared = null;
        if (request.PreparedAnswerId is { } preparedId)
        {
            // The answer was produced before the question was sent (PrepareAnswer): it is stored as it was, only on
            // top of the history it was produced over, for the user and conversation it was produced for.
            prepared = await preparedAnswers.GetSettledAsync(preparedId, cancellationToken);
            if (SendMessageDecision.PreparedAnswerError(prepared, conversation!, caller.UserId, request.Content!) is { } refused)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return refused;
            }
        }
        var snapshot = await ContextSnapshots.LoadAsync(db, cache, conversation!, cancellationToken);
        // The summary is read from the locked row, never from the cache, so it always matches the window's cut-off.
        var window = ContextWindow.Build(snapshot.Messages, conversation!.ContextMaxTurns, conversation.ContextMaxTokens, conversation.SummaryThrough);
        var query = SendMessageDecision.Query(conversation, request.Content!, window, stream: request.OnEvent is not null, request.KbIds);

        var text = new StringBuilder();
        IReadOnlyList<RagSource>? sources = null;
        RagMetrics? metrics = null;
        string? model = null;
        bool clientGone = false, assistantFailed = false;
        var askedAt = clock.GetTimestamp();
        try
        {
            if (prepared is not null)
            {
                (sources, metrics, model) = (prepared.Sources, null, prepared.Model);
                text.Append(prepared.Content);
                clientGone = prepared.Status == MessageStatuses.Interrupted;
                if (request.OnEvent is not null)
                {
                    await request.OnEvent(new AssistantStreamEvent(RagStreamEvents.Refs, Sources: sources ?? []), cancellationToken);
                    await request.OnEvent(new AssistantStreamEvent(RagStreamEvents.Token, Delta: prepared.Content), cancellationToken);
                }
            }
            else if (request.OnEvent is null)
            {
                var answer = await assistant.AskAsync(query, cancellationToken);
                (sources, metrics, model) = (answer.Sources, answer.Metrics, answer.Model);
                text.Append(answer.Answer);
            }
            else
            {
                var streamed = new StreamedAnswer();
                try
                {
                    await streamed.ReadAsync(assistant.StreamAsync(query, cancellationToken), request.OnEvent, cancellationToken);
                }
                finally
                {
                    (sources, metrics, model) = (streamed.Sources, streamed.Metrics, streamed.Model);
                    text.Append(streamed.Text);
                }
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            clientGone = true;
        }
        catch (Exception ex) when (ex is AssistantException or JsonException)
        {
            logger.LogWarning(ex, "The assistant failed to answer in conversation {ConversationId}", conversation.Id);
            assistantFailed = true;
        }
        var latencyMs = prepared?.LatencyMs ?? (int)clock.GetElapsedTime(askedAt).TotalMilliseconds;

        var status = SendMessageDecision.AnswerStatus(clientGone, assistantFailed, text.Length);
        if (status is null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return ConversationErrors.AssistantUnavailable;
        }

        // From here on the client may be gone: what was produced is stored regardless.
        var now = clock.GetUtcNow();
        var question = new Message
        {
            Id = Guid.CreateVersion7(receivedAt), ConversationId = conversation.Id, Sequence = conversation.LastSequence + 1,
            Role = MessageRoles.User, Content = request.Content!.Trim(), Status = MessageStatuses.Complete, CreatedAt = receivedAt,
            Modality = request.Channel,
        };
        var reply = new Message
        {
            Id = Guid.CreateVersion7(now), ConversationId = conversation.Id, Sequence = conversation.LastSequence + 2,
            Role = MessageRoles.Assistant, Content = text.ToString(), Status = status,
            Sources = sources is null ? null : JsonSerializer.Serialize(sources, json.Value.SerializerOptions),
            Model = model, TokensUsed = (int)(metrics?.TokensUsed ?? prepared?.TokensUsed ?? 0), LatencyMs = latencyMs,
            CacheHit = metrics?.CacheHit ?? prepared?.CacheHit ?? false, CreatedAt = now,
            Modality = request.Channel,
        };
        conversation.LastSequence += 2;
        conversation.ContextVersion++;
        conversation.UpdatedAt = now;
        db.Messages.AddRange(question, reply);
        await db.SaveChangesAsync(CancellationToken.None);
        await outbox.PublishAsync(new ConversationMessageSent(conversation.TenantId, conversation.UserId, conversation.Id, question.Id,
            question.Role, request.Channel, question.Content.Length, question.CreatedAt));
        await outbox.PublishAsync(new ConversationMessageSent(conversation.TenantId, conversation.UserId, conversation.Id, reply.Id,
            reply.Role, request.Channel, reply.Content.Length, reply.CreatedAt, latencyMs, reply.TokensUsed, reply.CacheHit, reply.Model,
            Interrupted: status == MessageStatuses.Interrupted));
        await transaction.CommitAsync(CancellationToken.None);
        await outbox.FlushOutgoingMessagesAsync();
        if (prepared is not null)
        {
            await preparedAnswers.RemoveAsync(prepared.Id);
        }

        var added = new[] { question, reply }.Where(ContextMessage.Belongs).Select(ContextMessage.From).ToArray();
        await cache.SetAsync(conversation.Id,
            snapshot.Append(conversation.ContextVersion, ContextWindow.MessagesToKeep(conversation.ContextMaxTurns), added));
        return assistantFailed ? ConversationErrors.AssistantUnavailable : MessageResponse.From(reply);
    }
}
