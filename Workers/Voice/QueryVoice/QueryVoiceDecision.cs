using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>Whether a spoken question can be answered, decided before anything streams: each refusal is a problem with a stable code.</summary>
public static class QueryVoiceDecision
{
    public static readonly Error MultipartRequired = Error.Invalid("multipart_required", "Send the question as multipart/form-data with the WAV in a field named audio (or file).");
    public static readonly Error AudioMissing = Error.Invalid("audio_missing", "The form has no audio file (field audio).");
    public static readonly Error NoRecognizer = new("no_recognizer", 422, "No Mandarin speech recogniser exists on this server; only English questions can be transcribed.");
    public static readonly Error NoSpeech = new("no_speech", 422, "No speech was recognised in the audio.");

    /// <summary>The upload itself: a form with a non-empty audio file within the size limit.</summary>
    public static Error? CheckUpload(bool isForm, long? fileBytes, int maxBytes) =>
        !isForm ? MultipartRequired
        : fileBytes is null or 0 ? AudioMissing
        : fileBytes > maxBytes ? new Error("audio_too_large", 413, $"The audio is larger than {maxBytes} bytes.")
        : null;

    /// <summary>The decoded question: short enough, in a language a recogniser here transcribes.</summary>
    public static Error? CheckClip(AudioClip clip, string language, int maxSeconds) =>
        clip.Duration.TotalSeconds > maxSeconds ? Error.Invalid("audio_too_long", $"Questions are limited to {maxSeconds} s of audio.")
        : language != VoiceCatalog.English ? NoRecognizer
        : null;

    /// <summary>A Conversations failure before the answer streams: the caller's missing conversation, or Conversations down.</summary>
    public static Error ConversationsFailed(ConversationsException ex) =>
        ex.Status == 404 ? new Error("conversation_not_found", 404, ex.Message) : new Error("conversations_unavailable", 502, ex.Message);
}
