using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Endpoints;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>
/// <c>POST /api/v1/voice/query</c>: one spoken question as a WAV file (any common rate, mono or stereo), answered as
/// NDJSON: <c>transcription</c>, the answer's <c>delta</c>s, <c>audio</c> chunks (base64 16 kHz PCM16, one per
/// sentence, as soon as it is synthesized) and <c>done</c> with the stored message and its sources. Audio that cannot
/// be read is a 400 problem before anything streams.
/// </summary>
public sealed class QueryVoiceEndpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var limit = routes.ServiceProvider.GetRequiredService<IOptions<VoiceOptions>>().Value.MaxQueryAudioBytes;
        routes.MapPost("/api/v1/voice/query", QueryAsync)
            .WithName("QueryVoice")
            .WithTags("Voice")
            .WithSummary("Answers a spoken question (WAV) with its transcription, the answer text and its speech, as NDJSON.")
            .RequireAuthorization(Policies.Authenticated)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limit + 64 * 1024))
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> QueryAsync(HttpContext http, IServiceProvider services, IOptions<VoiceOptions> options, CancellationToken ct)
    {
        var settings = options.Value;
        if (!http.Request.HasFormContentType)
        {
            return Problem(400, "multipart_required", "Send the question as multipart/form-data with the WAV in a field named audio (or file).");
        }
        var form = await http.Request.ReadFormAsync(ct);
        var file = form.Files["audio"] ?? form.Files["file"] ?? (form.Files.Count > 0 ? form.Files[0] : null);
        if (file is null || file.Length == 0)
        {
            return Problem(400, "audio_missing", "The form has no audio file (field audio).");
        }
        if (file.Length > settings.MaxQueryAudioBytes)
        {
            return Problem(413, "audio_too_large", $"The audio is larger than {settings.MaxQueryAudioBytes} bytes.");
        }
        var (query, invalid) = QueryVoiceForm.Read(form);
        if (invalid is not null)
        {
            return Problem(400, invalid.Value.Code, invalid.Value.Message);
        }
        AudioClip clip;
        try
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            clip = WavFile.Read(buffer.ToArray());
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or EndOfStreamException)
        {
            return Problem(400, "invalid_audio", $"The file is not a WAV this service reads (PCM or float, 8-192 kHz): {ex.Message}");
        }
        if (clip.Duration.TotalSeconds > settings.MaxQuerySeconds)
        {
            return Problem(400, "audio_too_long", $"Questions are limited to {settings.MaxQuerySeconds} s of audio.");
        }
        if (query.Language != VoiceCatalog.English)
        {
            return Problem(422, "no_recognizer", "No Mandarin speech recogniser exists on this server; only English questions can be transcribed.");
        }

        // The knowledge bases' adapted recogniser when one is ready for this tenant, else the general one.
        var tenantId = services.GetRequiredService<ITenantContext>().TenantId!.Value;
        var transcript = await TranscribeAsync(services.GetRequiredService<SpeechAdaptations>().For(tenantId, query.KbIds), clip, ct);
        if (transcript.Length == 0)
        {
            return Problem(422, "no_speech", "No speech was recognised in the audio.");
        }

        var token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        var conversations = services.GetRequiredService<ConversationsClient>();
        Guid conversationId;
        try
        {
            conversationId = query.ConversationId
                ?? await conversations.CreateConversationAsync(token, query.KbIds, "Voice question", ct);
        }
        catch (ConversationsException ex)
        {
            return Problem(ex.Status == 404 ? 404 : 502, ex.Status == 404 ? "conversation_not_found" : "conversations_unavailable", ex.Message);
        }

        var writer = new QueryVoiceWriter(http.Response);
        await writer.WriteAsync(new { type = "transcription", text = transcript, conversation_id = conversationId, audio_ms = (int)clip.Duration.TotalMilliseconds }, ct);
        var speaker = services.GetRequiredService<VoiceSpeaker>();
        var voice = VoiceCatalog.DefaultFor(query.Language, settings);
        var splitter = new SentenceSplitter();
        var index = 0;
        ConversationsMessage? message = null;
        JsonElement? sources = null;
        try
        {
            await foreach (var answer in conversations.AskAsync(token, conversationId, transcript, ct))
            {
                if (answer.Kind == ConversationsAnswerEvent.Refs)
                {
                    sources = answer.Sources;
                }
                else if (answer.Kind == ConversationsAnswerEvent.Token && !string.IsNullOrEmpty(answer.Delta))
                {
                    await writer.WriteAsync(new { type = "delta", delta = answer.Delta }, ct);
                    foreach (var sentence in splitter.Append(answer.Delta))
                    {
                        await SpeakAsync(sentence);
                    }
                }
                else if (answer.Kind == ConversationsAnswerEvent.End)
                {
                    message = answer.Message;
                    sources = answer.Message?.Sources ?? answer.Sources ?? sources;
                }
            }
            foreach (var sentence in splitter.Flush())
            {
                await SpeakAsync(sentence);
            }
            await writer.WriteAsync(new { type = "done", conversation_id = conversationId, message_id = message?.Id, text = message?.Content ?? splitter.Text, sources }, ct);
        }
        catch (ConversationsException ex)
        {
            await writer.WriteAsync(new { type = "error", code = ex.Code, message = ex.Message }, ct);
        }
        return Results.Empty;

        async Task SpeakAsync(SpokenSentence sentence)
        {
            var pcm = await speaker.SpeakAsync(voice, sentence.Text, ct);
            await writer.WriteAsync(new { type = "audio", sentence = index++, text = sentence.Text, sample_rate = VoiceSpeaker.SampleRate, data = Convert.ToBase64String(pcm) }, ct);
        }
    }

    private static async Task<string> TranscribeAsync(ISpeechRecognizer recognizer, AudioClip clip, CancellationToken ct)
    {
        var samples = clip.SampleRate == recognizer.SampleRate ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, recognizer.SampleRate);
        using var stream = recognizer.OpenStream();
        var parts = new List<string>();
        for (var offset = 0; offset < samples.Length; offset += recognizer.SampleRate)
        {
            var result = await stream.AcceptAsync(samples.AsMemory(offset, Math.Min(recognizer.SampleRate, samples.Length - offset)), ct);
            if (result.IsFinal && result.Text.Length > 0)
            {
                parts.Add(result.Text);
            }
        }
        var final = await stream.FinishAsync(ct);
        if (final.Text.Length > 0)
        {
            parts.Add(final.Text);
        }
        return string.Join(' ', parts).Trim();
    }

    private static IResult Problem(int status, string code, string detail) => new Error(code, status, detail).ToProblem();
}
