using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.QueryVoice;

/// <summary>The form fields besides the audio: <c>conversation_id</c>, <c>kb_ids</c> (comma-separated), <c>language</c>.</summary>
public sealed record QueryVoiceForm(Guid? ConversationId, IReadOnlyList<Guid> KbIds, string Language)
{
    public static (QueryVoiceForm Form, (string Code, string Message)? Error) Read(IFormCollection form)
    {
        Guid? conversation = null;
        if (form["conversation_id"].ToString() is { Length: > 0 } c)
        {
            if (!Guid.TryParse(c, out var id))
            {
                return (Empty, ("invalid_form", "conversation_id must be a UUID."));
            }
            conversation = id;
        }
        var kbIds = new List<Guid>();
        foreach (var value in form["kb_ids"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Guid.TryParse(value, out var id))
            {
                return (Empty, ("invalid_form", "kb_ids must be UUIDs separated by commas."));
            }
            kbIds.Add(id);
        }
        var language = VoiceCatalog.English;
        if (form["language"].ToString() is { Length: > 0 } l)
        {
            if (VoiceCatalog.NormalizeLanguage(l) is not { } known)
            {
                return (Empty, ("invalid_form", "language must be en or zh."));
            }
            language = known;
        }
        return (new QueryVoiceForm(conversation, kbIds, language), null);
    }

    private static QueryVoiceForm Empty { get; } = new(null, [], VoiceCatalog.English);
}
