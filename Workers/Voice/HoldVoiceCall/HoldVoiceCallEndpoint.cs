using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>
/// <c>GET /ws/voice</c>: a real-time voice call over a WebSocket (protocol in docs/voice-protocol.md). The access
/// token comes in the query (<c>access_token</c>) or as a <c>Sec-WebSocket-Protocol</c> entry; failures after the
/// upgrade are an <c>error</c> event followed by a close with the matching status, since a browser cannot read an
/// HTTP status from a failed handshake.
/// </summary>
public sealed class HoldVoiceCallEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/ws/voice", AcceptAsync)
            .WithName("HoldVoiceCall")
            .WithTags("Voice")
            .WithSummary("A real-time voice call: 16 kHz PCM16 audio both ways, JSON events as text frames.")
            .RequireAuthorization(Policies.Converse)
            .DisableRequestTimeout()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> AcceptAsync(HttpContext http, ITenantContext caller, VoiceCallServices services, IOptions<VoiceOptions> options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Problem(StatusCodes.Status400BadRequest, "websocket_required", "Open /ws/voice as a WebSocket.");
        }
        var query = HoldVoiceCallQuery.Read(http.Request.Query);
        if (query.Error is { } invalid)
        {
            return Problem(StatusCodes.Status400BadRequest, invalid.Code, invalid.Message);
        }
        var token = VoiceCallToken.From(http.Request)!;
        var tenantId = caller.TenantId!.Value;
        var userId = caller.UserId!.Value;
        var subProtocol = http.WebSockets.WebSocketRequestedProtocols.Contains(VoiceCallToken.Protocol) ? VoiceCallToken.Protocol : null;

        if (query.SessionId is { } sessionId)
        {
            var existing = services.Registry.Find(sessionId);
            using var resumed = await http.WebSockets.AcceptWebSocketAsync(subProtocol);
            if (existing is null || existing.TenantId != tenantId || existing.UserId != userId
                || !await existing.DetachAsync(TimeSpan.FromSeconds(5), http.RequestAborted))
            {
                // Another tenant's or user's session id is answered exactly like an unknown one.
                await RefuseAsync(resumed, new VoiceCallError("session_not_found", "No call with this session id is waiting to be resumed."), WebSocketCloseStatus.PolicyViolation);
                return Results.Empty;
            }
            await HoldAsync(existing, resumed, http, token, resumed: true, services, http.RequestAborted);
            return Results.Empty;
        }

        if (!services.Registry.TryReserve(tenantId))
        {
            using var refused = await http.WebSockets.AcceptWebSocketAsync(subProtocol);
            await RefuseAsync(refused, new VoiceCallError("too_many_sessions",
                $"Your organisation already has {options.Value.MaxSessionsPerTenant} calls open; try again when one ends."), (WebSocketCloseStatus)1013);
            return Results.Empty;
        }
        VoiceCallSession? session = null;
        try
        {
            Guid conversationId;
            long messageCount;
            var conversations = services.Conversations;
            if (query.ConversationId is { } given)
            {
                (conversationId, messageCount) = (given, await conversations.GetMessageCountAsync(token, given, http.RequestAborted));
            }
            else
            {
                (conversationId, messageCount) = (await conversations.CreateConversationAsync(token, query.KbIds, "Voice call", http.RequestAborted), 0);
            }
            var settings = VoiceCallDefaults.Settings(query.Language, options.Value, services);
            session = new VoiceCallSession(Guid.CreateVersion7(), tenantId, userId, conversationId, messageCount, settings, services, query.KbIds);
        }
        catch (Exception ex) when (ex is ConversationsException or HttpRequestException)
        {
            services.Registry.Release(tenantId);
            using var refused = await http.WebSockets.AcceptWebSocketAsync(subProtocol);
            var error = ex is ConversationsException { Status: 404 }
                ? new VoiceCallError("conversation_not_found", "The conversation does not exist or is not yours.")
                : new VoiceCallError(ex is ConversationsException c && c.Status < 500 ? c.Code : "conversations_unavailable", "The conversation could not be opened.");
            await RefuseAsync(refused, error, ex is ConversationsException { Status: < 500 } ? WebSocketCloseStatus.PolicyViolation : (WebSocketCloseStatus)1013);
            return Results.Empty;
        }
        services.Registry.Add(session);
        using var webSocket = await http.WebSockets.AcceptWebSocketAsync(subProtocol);
        await HoldAsync(session, webSocket, http, token, resumed: false, services, http.RequestAborted);
        return Results.Empty;
    }

    private static async Task HoldAsync(VoiceCallSession session, WebSocket webSocket, HttpContext http, string token, bool resumed, VoiceCallServices services, CancellationToken aborted)
    {
        if (await session.RunConnectionAsync(webSocket, VoiceCallAccess.FromHandshake(http, token), new VoiceCallTokenCheck(http), resumed, aborted))
        {
            await services.Registry.RemoveAsync(session);
        }
    }

    private static async Task RefuseAsync(WebSocket webSocket, VoiceCallError error, WebSocketCloseStatus status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await webSocket.SendAsync(VoiceCallEvents.Serialize("error", error), WebSocketMessageType.Text, true, timeout.Token);
            await webSocket.CloseOutputAsync(status, error.Code, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            webSocket.Abort();
        }
    }

    private static IResult Problem(int status, string code, string detail) => new Error(code, status, detail).ToProblem();
}
