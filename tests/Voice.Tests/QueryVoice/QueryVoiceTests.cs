using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Tests.Infrastructure;

namespace VoiceHelper.Voice.Tests.QueryVoice;

/// <summary>POST /api/v1/voice/query against the real Conversations: a spoken WAV in, NDJSON out, the turn stored.</summary>
public sealed class QueryVoiceTests(VoiceCallApps apps) : IClassFixture<VoiceCallApps>
{
    [Fact(Timeout = 180_000)]
    public async Task A_stereo_44k_question_is_transcribed_answered_with_speech_and_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var caller = apps.NewCaller();
        var mono = await SpokenQuestions.SayAsync("How long is the warranty?");
        var resampled = Resampler.Resample(mono, 16_000, 44_100);
        var stereo = new float[resampled.Length * 2];
        for (var i = 0; i < resampled.Length; i++)
        {
            stereo[2 * i] = stereo[2 * i + 1] = resampled[i];
        }
        using var http = Client(caller);
        using var response = await http.PostAsync("/api/v1/voice/query", Form(Wav(stereo, 44_100, channels: 2)), ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");

        var lines = (await response.Content.ReadAsStringAsync(ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        lines[0].GetProperty("type").GetString().ShouldBe("transcription");
        var transcript = lines[0].GetProperty("text").GetString()!;
        transcript.ShouldContain("warranty");
        lines.ShouldContain(l => l.GetProperty("type").GetString() == "audio" && l.GetProperty("data").GetString()!.Length > 1000);
        var done = lines[^1];
        done.GetProperty("type").GetString().ShouldBe("done");
        done.GetProperty("text").GetString().ShouldBe(VoiceCallApps.AnswerFor(transcript));

        using var conversations = apps.ConversationsClient(caller);
        var page = await conversations.GetFromJsonAsync<JsonElement>($"/api/v1/conversations/{done.GetProperty("conversation_id").GetGuid()}/messages", ct);
        page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("content").GetString())
            .ShouldBe([transcript, VoiceCallApps.AnswerFor(transcript)]);
    }

    [Fact(Timeout = 60_000)]
    public async Task Bad_uploads_are_problems_with_stable_codes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = Client(apps.NewCaller());
        await ExpectAsync(await http.PostAsync("/api/v1/voice/query", new StringContent("{}"), ct), 400, "multipart_required");
        await ExpectAsync(await http.PostAsync("/api/v1/voice/query", Form("not a wav"u8.ToArray()), ct), 400, "invalid_audio");
        await ExpectAsync(await http.PostAsync("/api/v1/voice/query", Form(Wav(new float[16_000], 16_000, 1), ("language", "fr")), ct), 400, "invalid_form");
        await ExpectAsync(await http.PostAsync("/api/v1/voice/query", Form(Wav(new float[16_000], 16_000, 1), ("language", "zh")), ct), 422, "no_recognizer");
        await ExpectAsync(await http.PostAsync("/api/v1/voice/query", Form(Wav(new float[16_000], 16_000, 1)), ct), 422, "no_speech");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, int status, string code)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString().ShouldBe(code);
    }

    private HttpClient Client(Caller caller)
    {
        var client = new HttpClient { BaseAddress = apps.Voice.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        return client;
    }

    private static byte[] Wav(float[] interleaved, int rate, int channels)
    {
        // PCM16 WAV written by hand for the channel count: the service must downmix and resample.
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        var dataBytes = interleaved.Length * 2;
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)channels);
        writer.Write(rate);
        writer.Write(rate * channels * 2);
        writer.Write((short)(channels * 2));
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        foreach (var sample in interleaved)
        {
            writer.Write((short)Math.Clamp(sample * 32767f, -32768f, 32767f));
        }
        writer.Flush();
        return stream.ToArray();
    }

    private static MultipartFormDataContent Form(byte[] audio, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(audio);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "audio", "question.wav");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }
}
