using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

/// <summary>
/// Answers prepared from the partial transcript while the end-of-turn silence runs: adopted when the turn confirms the
/// same words, discarded unheard and unstored when the caller goes on.
/// </summary>
public sealed class SpeculativeAnswerTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 180_000)]
    public async Task A_question_the_caller_stops_on_is_answered_from_the_prepared_answer_and_stored_once()
    {
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        var conversationId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("conversation_id").GetGuid();
        var asked = apps.Answerer.Bodies.Count;

        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. await SpokenQuestions.SayAsync("How long is the warranty?")]);
        var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0);
        var transcript = final.Event!.Value.GetProperty("text").GetString()!;
        var done = await call.WaitForAsync("response.done", after: final.Index);

        var latency = done.Event!.Value.GetProperty("latency");
        latency.GetProperty("prepared_ahead_ms").GetInt32().ShouldBeGreaterThan(0, "the answer was prepared before the turn ended");
        // Nothing of the answer reached the caller before the turn was confirmed.
        call.Log.ShouldNotContain(r => r.Index < final.Index && (r.AudioBytes > 0 || r.Type == "response.text.delta"));
        var deltas = string.Concat(call.Log.Where(r => r.Type == "response.text.delta").Select(r => r.Event!.Value.GetProperty("delta").GetString()));
        deltas.ShouldBe(VoiceCallApps.AnswerFor(transcript));
        apps.Answerer.Bodies.Skip(asked).Count(b => b.GetProperty("conversation_id").GetGuid() == conversationId).ShouldBe(1, "asked once: the store used the prepared answer");

        var items = await MessagesAsync(caller, conversationId);
        items.Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString(), m.GetProperty("modality").GetString()))
            .ShouldBe([("user", transcript, "voice"), ("assistant", VoiceCallApps.AnswerFor(transcript), "voice")]);
        items[1].GetProperty("id").GetGuid().ShouldBe(done.Event.Value.GetProperty("message_id").GetGuid());
    }

    [Fact(Timeout = 180_000)]
    public async Task A_caller_who_goes_on_after_a_pause_gets_nothing_of_the_discarded_answer_and_only_the_whole_question_is_stored()
    {
        var caller = apps.NewCaller();
        await using var call = await apps.CallAsync(caller);
        var conversationId = (await call.WaitForAsync("session.created")).Event!.Value.GetProperty("conversation_id").GetGuid();

        // A pause longer than the detector's closing silence (100 ms) and shorter than the end of turn (250 ms more).
        await call.SayAsync([.. SpokenQuestions.Silence(0.3), .. Trimmed(await SpokenQuestions.SayAsync("How long is the warranty?")), .. SpokenQuestions.Silence(0.2),
            .. Trimmed(await SpokenQuestions.SayAsync("What are your opening hours?")), .. SpokenQuestions.Silence(0.5)]);
        var final = await call.WaitForAsync("transcript.final", e => e.GetProperty("text").GetString()!.Length > 0);
        var transcript = final.Event!.Value.GetProperty("text").GetString()!;
        transcript.ShouldContain("warranty");
        transcript.ShouldContain("hours");
        var done = await call.WaitForAsync("response.done", after: final.Index);

        // The answer prepared for the first half (if it got that far) was never sent and never stored.
        var responseId = done.Event!.Value.GetProperty("response_id").GetString();
        call.Log.Where(r => r.Type is "response.text.delta" or "response.audio.started" or "response.done")
            .ShouldAllBe(r => r.Event!.Value.GetProperty("response_id").GetString() == responseId);
        call.AudioBytesBetween(-1, final.Index).ShouldBe(0);
        var items = await MessagesAsync(caller, conversationId);
        items.Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString()))
            .ShouldBe([("user", transcript), ("assistant", VoiceCallApps.AnswerFor(transcript))]);
    }

    /// <summary>The clip without its leading and trailing silence, so the pause between two is the one the test adds.</summary>
    private static float[] Trimmed(float[] clip)
    {
        var (start, end) = (0, clip.Length);
        while (end > 160 && clip.AsSpan(end - 160, 160).ToArray().Max(Math.Abs) < 0.01f)
        {
            end -= 160;
        }
        while (start + 160 < end && clip.AsSpan(start, 160).ToArray().Max(Math.Abs) < 0.01f)
        {
            start += 160;
        }
        return clip[start..end];
    }

    private async Task<List<JsonElement>> MessagesAsync(Caller caller, Guid conversationId)
    {
        using var http = apps.ConversationsClient(caller);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{conversationId}/messages", TestContext.Current.CancellationToken);
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
