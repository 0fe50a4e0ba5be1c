using System.Diagnostics;
using System.Net.WebSockets;
using VoiceHelper.Assistant.Bench;
using VoiceHelper.Testing;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Bench;

/// <summary>Places one call per question, as a new user of the tenant that owns the knowledge base.</summary>
internal sealed class CallerFactory(TestTokens tokens, Uri voice, Guid tenantId, Guid? knowledgeBaseId)
{
    /// <summary>The call's turn, or a failed one when it does not end within <paramref name="limit"/> (a minute by default).</summary>
    public async Task<Turn> AskAsync(DevQuestion question, float[] speech, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(1));
        var token = tokens.Issue(tenantId, Guid.NewGuid(), ["member"]);
        var kb = knowledgeBaseId is { } id ? $"&kb_ids={id}" : "";
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{voice.Authority}/ws/voice?access_token={token}{kb}"), CancellationToken.None);
        await using var call = new CallClient(socket);
        try
        {
            await call.WaitForAsync("session.created", timeoutSeconds: Seconds());
            await call.SayAsync(new float[4_800]);
            await call.SayAsync(speech);
            var speechEnd = Stopwatch.GetTimestamp();
            var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0, timeoutSeconds: Seconds());
            var done = await call.WaitForAsync("response.done", after: final.Index, timeoutSeconds: Seconds());
            var firstAudio = call.Log.FirstOrDefault(r => r.Index > final.Index && r.AudioBytes > 0);
            var latency = done.Event!.Value.GetProperty("latency");
            var endOfTurn = latency.GetProperty("end_of_turn_ms").GetInt32();
            return new Turn(question, final.Event!.Value.GetProperty("text").GetString()!, done.Event.Value.GetProperty("text").GetString() ?? "",
                firstAudio is null ? null : (int)Stopwatch.GetElapsedTime(speechEnd, firstAudio.At).TotalMilliseconds,
                endOfTurn, latency.GetProperty("recognition_ms").GetInt32(), Value(latency, "first_token_ms"), Value(latency, "synthesis_ms"),
                (int)Stopwatch.GetElapsedTime(speechEnd, final.At).TotalMilliseconds - endOfTurn, Value(latency, "prepared_ahead_ms"));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or WebSocketException)
        {
            return new Turn(question, "", "", null, 0, 0, 0, 0, 0);
        }

        int Seconds() => Math.Max(1, (int)(deadline - DateTime.UtcNow).TotalSeconds);
    }

    private static int Value(System.Text.Json.JsonElement latency, string name) =>
        latency.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number ? value.GetInt32() : 0;
}
