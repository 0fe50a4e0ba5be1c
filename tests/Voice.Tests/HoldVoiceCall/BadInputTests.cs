using System.Net.WebSockets;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

/// <summary>Every kind of bad input gets an error event or the right close status, and the call (or its neighbours) goes on.</summary>
public sealed class BadInputTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 180_000)]
    public async Task Bad_frames_and_events_get_error_events_and_the_call_goes_on()
    {
        await using var call = await apps.CallAsync(apps.NewCaller());
        await call.WaitForAsync("session.created");

        await call.SendAsync(new byte[641], WebSocketMessageType.Binary);
        (await call.WaitForAsync("error")).Event!.Value.GetProperty("code").GetString().ShouldBe("odd_frame_length");
        var riff = new byte[640];
        "RIFF"u8.CopyTo(riff);
        await call.SendAsync(riff, WebSocketMessageType.Binary);
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "not_pcm");
        await call.SendTextAsync("{not json");
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "invalid_json");
        await call.SendTextAsync("""{"type":"dance"}""");
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "unknown_event");
        await call.SendTextAsync("""{"type":"session.update","vad_threshold":7}""");
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "invalid_settings");
        await call.SendTextAsync("""{"type":"playback.mark"}""");
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "invalid_event");

        // Random bytes are valid PCM16 (loud noise): no crash, and a ping still answers.
        var noise = new byte[640];
        new Random(7).NextBytes(noise);
        await call.SendAsync(noise, WebSocketMessageType.Binary);
        await call.SendJsonAsync(new { type = "ping", id = 42 });
        (await call.WaitForAsync("pong")).Event!.Value.GetProperty("id").GetInt32().ShouldBe(42);

        await call.SendTextAsync("""{"type":"session.update","end_of_turn_silence_ms":400,"barge_in":false}""");
        var updated = await call.WaitForAsync("session.updated");
        updated.Event!.Value.GetProperty("config").GetProperty("end_of_turn_silence_ms").GetInt32().ShouldBe(400);
        updated.Event.Value.GetProperty("config").GetProperty("barge_in").GetBoolean().ShouldBeFalse();
    }

    [Fact(Timeout = 180_000)]
    public async Task A_client_sending_faster_than_real_time_is_told_and_its_excess_dropped()
    {
        await using var call = await apps.CallAsync(apps.NewCaller());
        await call.WaitForAsync("session.created");
        // Ten seconds of audio in one burst: the allowance is two.
        for (var i = 0; i < 100; i++)
        {
            await call.SendAsync(new byte[3_200], WebSocketMessageType.Binary);
        }
        await call.WaitForAsync("error", e => e.GetProperty("code").GetString() == "audio_too_fast");
        await call.SendJsonAsync(new { type = "ping" });
        await call.WaitForAsync("pong");
    }

    [Fact(Timeout = 180_000)]
    public async Task An_oversized_frame_closes_with_1009_and_invalid_utf8_with_1007()
    {
        await using (var call = await apps.CallAsync(apps.NewCaller()))
        {
            await call.WaitForAsync("session.created");
            await call.SendAsync(new byte[70_000], WebSocketMessageType.Binary);
            (await call.WaitClosedAsync()).ShouldBe(WebSocketCloseStatus.MessageTooBig);
        }
        await using (var call = await apps.CallAsync(apps.NewCaller()))
        {
            await call.WaitForAsync("session.created");
            await call.SendAsync([0x7B, 0xFF, 0xFE, 0x7D], WebSocketMessageType.Text);
            (await call.WaitClosedAsync()).ShouldBe(WebSocketCloseStatus.InvalidPayloadData);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task An_idle_client_is_told_and_closed_with_1008()
    {
        await using var call = await apps.CallAsync(apps.NewCaller());
        await call.WaitForAsync("session.created");
        (await call.WaitForAsync("error", timeoutSeconds: 10)).Event!.Value.GetProperty("code").GetString().ShouldBe("idle_timeout");
        (await call.WaitClosedAsync()).ShouldBe(WebSocketCloseStatus.PolicyViolation);
    }

    [Fact(Timeout = 180_000)]
    public async Task One_call_too_many_for_a_tenant_closes_with_1013_and_other_tenants_are_unaffected()
    {
        var tenant = Guid.NewGuid();
        var calls = new List<CallClient>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var call = await apps.CallAsync(apps.NewCaller(tenant));
                calls.Add(call);
                await call.WaitForAsync("session.created");
                call.StartMicrophone();
            }
            await using var extra = await apps.CallAsync(apps.NewCaller(tenant));
            (await extra.WaitForAsync("error")).Event!.Value.GetProperty("code").GetString().ShouldBe("too_many_sessions");
            ((int?)await extra.WaitClosedAsync()).ShouldBe(1013);

            await using var other = await apps.CallAsync(apps.NewCaller());
            await other.WaitForAsync("session.created");
            foreach (var call in calls)
            {
                call.CloseStatus.ShouldBeNull();
            }
        }
        finally
        {
            foreach (var call in calls)
            {
                await call.DisposeAsync();
            }
        }
    }
}
