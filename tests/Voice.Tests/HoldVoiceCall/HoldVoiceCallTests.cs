using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Npgsql;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

/// <summary>
/// Whole calls over a real WebSocket against a real Conversations: speech generated with pico2wave, streamed in real
/// time, recognised by the embedded recogniser, answered, spoken back, interrupted, resumed.
/// </summary>
public sealed class HoldVoiceCallTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 180_000)]
    public async Task A_spoken_question_is_transcribed_answered_spoken_and_stored_as_a_voice_turn()
    {
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        var created = await call.WaitForAsync("session.created");
        var conversationId = created.Event!.Value.GetProperty("conversation_id").GetGuid();
        created.Event.Value.GetProperty("config").GetProperty("voice").GetString().ShouldBe(VoiceCatalog.DefaultFor(VoiceCatalog.English, new VoiceOptions()));

        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.1)]);
        await call.WaitForAsync("speech.started");
        var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0);
        var transcript = final.Event!.Value.GetProperty("text").GetString()!;
        transcript.ShouldContain("warranty");
        call.Log.ShouldContain(r => r.Type == "transcript.partial" && r.Index < final.Index);

        var done = await call.WaitForAsync("response.done", after: final.Index);
        var body = done.Event!.Value;
        body.GetProperty("status").GetString().ShouldBe("completed");
        body.GetProperty("sources").GetArrayLength().ShouldBe(1);
        var latency = body.GetProperty("latency");
        latency.GetProperty("first_audio_ms").GetInt32().ShouldBeGreaterThan(0);
        latency.GetProperty("first_token_ms").GetInt32().ShouldBeGreaterThanOrEqualTo(0);
        var started = await call.WaitForAsync("response.audio.started", after: final.Index);
        var audioDone = await call.WaitForAsync("response.audio.done", after: final.Index);
        call.Log.ShouldContain(r => r.Type == "response.text.delta" && r.Index > final.Index);
        var audioBytes = call.AudioBytesBetween(started.Index, audioDone.Index + 1);
        audioBytes.ShouldBeGreaterThan(16_000 * 2 * 3, "the three-sentence answer is several seconds of audio");
        Math.Abs(audioBytes - audioDone.Event!.Value.GetProperty("audio_ms").GetInt32() * 32).ShouldBeLessThanOrEqualTo(64 * 32);

        using var http = apps.ConversationsClient(caller);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/messages", TestContext.Current.CancellationToken);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items[0].GetProperty("content").GetString().ShouldBe(transcript);
        items.ShouldAllBe(m => m.GetProperty("modality").GetString() == "voice");
        items[1].GetProperty("id").GetGuid().ShouldBe(body.GetProperty("message_id").GetGuid());
        items[1].GetProperty("content").GetString().ShouldBe(VoiceCallApps.AnswerFor(transcript));
    }

    [Fact(Timeout = 180_000)]
    public async Task Speaking_over_the_answer_stops_its_audio_and_cuts_the_stored_answer_to_what_was_heard()
    {
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        var conversationId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("conversation_id").GetGuid();
        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?")]);
        var started = await call.WaitForAsync("response.audio.started");
        var responseId = started.Event!.Value.GetProperty("response_id").GetString();

        // Let about two seconds play, report it, then talk over the rest.
        var playedUntil = DateTime.UtcNow.AddSeconds(2);
        while (DateTime.UtcNow < playedUntil)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        await call.SendJsonAsync(new { type = "playback.mark", response_id = responseId, played_ms = 2000 });
        var second = call.SayAsync(await SpokenQuestions.SayAsync("What are your opening hours?"));
        var interrupted = await call.WaitForAsync("interrupted");
        var heard = interrupted.Event!.Value.GetProperty("heard_text").GetString()!;
        interrupted.Event.Value.GetProperty("played_ms").GetInt32().ShouldBe(2000);
        heard.ShouldNotBeEmpty();
        heard.Length.ShouldBeLessThan(VoiceCallApps.AnswerFor("x").Length);

        // Nothing more of the interrupted answer arrives after the interruption.
        var next = call.Log.FirstOrDefault(r => r.Index > interrupted.Index && r.Type == "response.audio.started");
        call.AudioBytesBetween(interrupted.Index, next?.Index ?? int.MaxValue).ShouldBe(0);

        var done = await call.WaitForAsync("response.done", e => e.GetProperty("status").GetString() == "interrupted");
        done.Event!.Value.GetProperty("text").GetString().ShouldBe(heard);
        await second;
        await call.WaitForAsync("response.done", e => e.GetProperty("status").GetString() == "completed", after: done.Index);

        using var http = apps.ConversationsClient(caller);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/messages", TestContext.Current.CancellationToken);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeGreaterThanOrEqualTo(4);
        items[1].GetProperty("content").GetString().ShouldBe(heard);
        items[1].GetProperty("status").GetString().ShouldBe("interrupted");
        items[2].GetProperty("role").GetString().ShouldBe("user");
        items[2].GetProperty("content").GetString()!.ShouldContain("hours");
    }

    [Fact(Timeout = 180_000)]
    public async Task An_answer_cancelled_while_its_question_waits_for_the_conversation_still_stores_the_question()
    {
        var ct = TestContext.Current.CancellationToken;
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        var conversationId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("conversation_id").GetGuid();

        // Another writer holds the conversation, as a concurrent turn or truncation does: the question has to wait.
        await using var db = new NpgsqlConnection(apps.ConversationsDatabase);
        await db.OpenAsync(ct);
        await using var writer = await db.BeginTransactionAsync(ct);
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM conversations WHERE id = @id FOR UPDATE", db, writer))
        {
            lockRow.Parameters.AddWithValue("id", conversationId);
            (await lockRow.ExecuteScalarAsync(ct)).ShouldBe(conversationId);
        }
        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.1)]);
        var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0);
        var transcript = final.Event!.Value.GetProperty("text").GetString()!;
        await WaitForLockWaiterAsync(ct);

        await call.SendJsonAsync(new { type = "response.cancel" });
        var interrupted = await call.WaitForAsync("interrupted");
        // A prepared answer (the caller stopped on a complete question) may already be playing while its store waits;
        // an ordinary one waits with its question, unheard. Either way the stored answer is what was heard.
        var heard = interrupted.Event!.Value.GetProperty("heard_text").GetString()!;
        VoiceCallApps.AnswerFor(transcript).ShouldStartWith(heard);
        // The writer keeps the conversation a moment longer, then lets the waiting question in.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        await writer.RollbackAsync(ct);

        var done = await call.WaitForAsync("response.done", e => e.GetProperty("status").GetString() == "interrupted");
        done.Event!.Value.GetProperty("text").GetString().ShouldBe(heard);
        call.Log.ShouldNotContain(r => r.Type == "response.done" && r.Event!.Value.GetProperty("status").GetString() == "completed");
        using var http = apps.ConversationsClient(caller);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/messages", ct);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString(), m.GetProperty("status").GetString()))
            .ShouldBe([("user", transcript, "complete"), ("assistant", heard, "interrupted")]);
    }

    /// <summary>Until Conversations' turn is queued behind the test's row lock.</summary>
    private async Task WaitForLockWaiterAsync(CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(apps.ConversationsDatabase);
        await db.OpenAsync(ct);
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'", db);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await waiting.ExecuteScalarAsync(ct))! == 0)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the question never reached Conversations");
            await Task.Delay(20, ct);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_resume_while_the_old_connection_still_looks_open_takes_the_call_over()
    {
        // A phone that switches networks: the old connection never closes, the server has not seen it drop.
        var caller = apps.NewCaller();
        await using var old = await apps.CallAsync(caller);
        var sessionId = (await old.WaitForAsync("session.created")).Event!.Value.GetProperty("session_id").GetGuid();

        await using var resumed = await apps.CallAsync(caller, $"session_id={sessionId}");
        var created = await resumed.WaitForAsync("session.created");
        created.Event!.Value.GetProperty("resumed").GetBoolean().ShouldBeTrue();
        created.Event.Value.GetProperty("session_id").GetGuid().ShouldBe(sessionId);
        // The take-over aborts the old connection (a half-open one could not receive a close frame): it ends, or this throws.
        await old.WaitClosedAsync();

        await resumed.SendJsonAsync(new { type = "ping" });
        await resumed.WaitForAsync("pong");
    }

    [Fact(Timeout = 180_000)]
    public async Task A_client_that_reconnects_with_its_session_id_gets_the_pending_answer()
    {
        var caller = apps.NewCaller();
        var call = await apps.CallAsync(caller);
        var sessionId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("session_id").GetGuid();
        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?"), .. SpokenQuestions.Silence(0.05)]);
        var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0);
        call.Abort();
        await call.DisposeAsync();

        await using var resumed = await apps.CallAsync(caller, $"session_id={sessionId}");
        resumed.StartMicrophone();
        var created = await resumed.WaitForAsync("session.created");
        created.Event!.Value.GetProperty("resumed").GetBoolean().ShouldBeTrue();
        created.Event.Value.GetProperty("session_id").GetGuid().ShouldBe(sessionId);
        var done = await resumed.WaitForAsync("response.done");
        done.Event!.Value.GetProperty("text").GetString().ShouldBe(VoiceCallApps.AnswerFor(final.Event!.Value.GetProperty("text").GetString()!));
        resumed.Log.Sum(r => r.AudioBytes).ShouldBeGreaterThan(0);
    }

    [Fact(Timeout = 180_000)]
    public async Task Another_tenant_cannot_resume_a_call_and_two_tenants_calls_in_parallel_see_only_their_own_turns()
    {
        var first = apps.NewCaller();
        var second = apps.NewCaller();
        // Spoken before the calls open: on a loaded machine synthesis can outlast the calls' idle timeout.
        var warranty = await SpokenQuestions.SayAsync("How long is the warranty?");
        var hours = await SpokenQuestions.SayAsync("What are your opening hours?");
        await using var a = await apps.CallAsync(first);
        await using var b = await apps.CallAsync(second);
        var sessionA = (await a.WaitForAsync("session.created")).Event!.Value.GetProperty("session_id").GetGuid();
        await b.WaitForAsync("session.created");
        await Task.WhenAll(
            a.SayAsync([.. SpokenQuestions.Silence(0.3), .. warranty]),
            b.SayAsync([.. SpokenQuestions.Silence(0.3), .. hours]));
        var doneA = await a.WaitForAsync("response.done");
        var doneB = await b.WaitForAsync("response.done");
        doneA.Event!.Value.GetProperty("text").GetString()!.ShouldContain("warranty");
        doneA.Event.Value.GetProperty("text").GetString()!.ShouldNotContain("hours");
        doneB.Event!.Value.GetProperty("text").GetString()!.ShouldContain("hours");
        a.Log.Where(r => r.Type == "transcript.final").ShouldAllBe(r => !r.Event!.Value.GetProperty("text").GetString()!.Contains("hours"));
        b.Log.Where(r => r.Type == "transcript.final").ShouldAllBe(r => !r.Event!.Value.GetProperty("text").GetString()!.Contains("warranty"));

        await using var intruder = await apps.CallAsync(second, $"session_id={sessionA}");
        var error = await intruder.WaitForAsync("error");
        error.Event!.Value.GetProperty("code").GetString().ShouldBe("session_not_found");
        (await intruder.WaitClosedAsync()).ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact(Timeout = 180_000)]
    public async Task The_handshake_needs_a_token_and_a_valid_query()
    {
        using var http = new HttpClient { BaseAddress = apps.Voice.Address };
        (await http.GetAsync("/ws/voice", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var socket = new ClientWebSocket();
        var refused = await Should.ThrowAsync<WebSocketException>(() => socket.ConnectAsync(apps.CallUri(null), TestContext.Current.CancellationToken));
        refused.ShouldNotBeNull();

        var caller = apps.NewCaller();
        using var plain = new HttpClient { BaseAddress = apps.Voice.Address };
        plain.DefaultRequestHeaders.Authorization = new("Bearer", caller.Token);
        var notSocket = await plain.GetAsync("/ws/voice", TestContext.Current.CancellationToken);
        notSocket.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notSocket.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString().ShouldBe("websocket_required");

        // The token as a subprotocol, as a browser sends it.
        using var browser = new ClientWebSocket();
        browser.Options.AddSubProtocol("voicehelper.v1");
        browser.Options.AddSubProtocol($"access_token.{caller.Token}");
        await browser.ConnectAsync(apps.CallUri(null), TestContext.Current.CancellationToken);
        browser.SubProtocol.ShouldBe("voicehelper.v1");
        await using var viaProtocol = new CallClient(browser);
        await viaProtocol.WaitForAsync("session.created");
    }
}
