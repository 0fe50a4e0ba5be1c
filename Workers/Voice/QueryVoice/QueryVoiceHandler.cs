using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>
/// One spoken question: read the WAV, decide whether it can be answered (<see cref="QueryVoiceDecision"/>), transcribe
/// it with the tenant's recogniser for its knowledge bases, then ask Conversations (which stores the turn) and stream
/// the answer's text and each sentence's speech as soon as it exists. A refusal before the first line is returned as
/// an error; after it, failures are an <c>error</c> line.
/// </summary>
public sealed class QueryVoiceHandler(
    IOptions<VoiceOptions> options, ITenantContext caller, SpeechAdaptations adaptations, ConversationsClient conversations, VoiceSpeaker speaker)
{
    public async Task<Error?> HandleAsync(QueryVoiceRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        AudioClip clip;
        try
        {
            clip = WavFile.Read(request.Wav);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or EndOfStreamException)
        {
            return Error.Invalid("invalid_audio", $"The file is not a WAV this service reads (PCM or float, 8-192 kHz): {ex.Message}");
        }
        var query = request.Form;
        if (QueryVoiceDecision.CheckClip(clip, query.Language, settings.MaxQuerySeconds) is { } refused)
        {
            return refused;
        }

        // The knowledge bases' adapted recogniser when one is ready for this tenant, else the general one.
        var transcript = await TranscribeAsync(adaptations.For(caller.TenantId!.Value, query.KbIds), clip, ct);
        if (transcript.Length == 0)
        {
            return QueryVoiceDecision.NoSpeech;
        }
        Guid conversationId;
        try
        {
            conversationId = query.ConversationId ?? await conversations.CreateConversationAsync(request.Token, query.KbIds, "Voice question", ct);
        }
        catch (ConversationsException ex)
        {
            return QueryVoiceDecision.ConversationsFailed(ex);
        }

        await request.OnLine(new { type = "transcription", text = transcript, conversation_id = conversationId, audio_ms = (int)clip.Duration.TotalMilliseconds }, ct);
        var voice = VoiceCatalog.DefaultFor(query.Language, settings);
        var splitter = new SentenceSplitter();
        var index = 0;
        ConversationsMessage? message = null;
        JsonElement? sources = null;
        try
        {
            await foreach (var answer in conversations.AskAsync(request.Token, conversationId, transcript, ct))
            {
                if (answer.Kind == ConversationsAnswerEvent.Refs)
                {
                    sources = answer.Sources;
                }
                else if (answer.Kind == ConversationsAnswerEvent.Token && !string.IsNullOrEmpty(answer.Delta))
                {
                    await request.OnLine(new { type = "delta", delta = answer.Delta }, ct);
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
            await request.OnLine(new { type = "done", conversation_id = conversationId, message_id = message?.Id, text = message?.Content ?? splitter.Text, sources }, ct);
        }
        catch (ConversationsException ex)
        {
            await request.OnLine(new { type = "error", code = ex.Code, message = ex.Message }, ct);
        }
        return null;

        async Task SpeakAsync(SpokenSentence sentence)
        {
            var pcm = await speaker.SpeakAsync(voice, sentence.Text, ct);
            await request.OnLine(new { type = "audio", sentence = index++, text = sentence.Text, sample_rate = VoiceSpeaker.SampleRate, data = Convert.ToBase64String(pcm) }, ct);
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
}
