using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using VoiceHelper.Contracts.Api;
using VoiceHelper.Conversations.Common;
using VoiceHelper.Conversations.SendMessage;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Conversations.PrepareAnswer;

/// <summary>
/// Answers a question without storing it: the same context and knowledge bases as a send, no lock, nothing written
/// to the conversation. The answer is kept in Redis (<see cref="PreparedAnswers"/>) until a send stores it with its
/// question, or it expires. An asker that goes away mid-answer leaves it <c>interrupted</c> with the text so far,
/// as a send would store it.
/// </summary>
public sealed class PrepareAnswerHandler(
    ConversationsDbContext db, ITenantContext caller, ContextCache cache, AssistantClient assistant, PreparedAnswers preparedAnswers,
    TimeProvider clock, ILogger<PrepareAnswerHandler> logger)
    : IRequestHandler<PrepareAnswerRequest, Result<PreparedAnswer>>
{
    public async Task<Result<PreparedAnswer>> Handle(PrepareAnswerRequest request, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ConversationId, cancellationToken);
        if (!ConversationAccess.CanWrite(conversation, caller.UserId))
        {
            return ConversationErrors.ConversationNotFound;
        }
        var snapshot = await ContextSnapshots.LoadAsync(db, cache, conversation!, cancellationToken);
        var window = ContextWindow.Build(snapshot.Messages, conversation!.ContextMaxTurns, conversation.ContextMaxTokens, conversation.SummaryThrough);
        var query = SendMessageDecision.Query(conversation, request.Content!, window, stream: true, request.KbIds);
        var prepared = new PreparedAnswer(Guid.CreateVersion7(), conversation.TenantId, caller.UserId!.Value, conversation.Id,
            request.Content!.Trim(), conversation.LastSequence, PreparedAnswer.Pending);
        if (!await preparedAnswers.SetAsync(prepared))
        {
            return ConversationErrors.PreparedAnswersUnavailable;
        }

        var answer = new StreamedAnswer();
        bool clientGone = false, assistantFailed = false;
        var askedAt = clock.GetTimestamp();
        try
        {
            await request.OnPrepared(prepared, cancellationToken);
            await answer.ReadAsync(assistant.StreamAsync(query, cancellationToken), request.OnEvent, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is OperationCanceledException or IOException)
        {
            clientGone = true;
        }
        catch (Exception ex) when (ex is AssistantException or JsonException)
        {
            logger.LogWarning(ex, "The assistant failed to prepare an answer in conversation {ConversationId}", conversation.Id);
            assistantFailed = true;
        }

        var status = SendMessageDecision.AnswerStatus(clientGone, assistantFailed, answer.Text.Length);
        if (status is null)
        {
            await preparedAnswers.RemoveAsync(prepared.Id);
            return ConversationErrors.AssistantUnavailable;
        }
        prepared = prepared with
        {
            Status = status, Content = answer.Text.ToString(), Sources = answer.Sources, Model = answer.Model,
            TokensUsed = answer.Metrics?.TokensUsed ?? 0, CacheHit = answer.Metrics?.CacheHit ?? false, LatencyMs = (int)clock.GetElapsedTime(askedAt).TotalMilliseconds,
        };
        await preparedAnswers.SetAsync(prepared);
        return assistantFailed ? ConversationErrors.AssistantUnavailable : prepared;
    }
}
