using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>The handshake's query: <c>conversation_id</c>, <c>kb_ids</c> (comma-separated), <c>session_id</c> to resume, <c>language</c>.</summary>
public sealed record HoldVoiceCallQuery(Guid? ConversationId, IReadOnlyList<Guid> KbIds, Guid? SessionId, string Language, VoiceCallError? Error)
{
    public static HoldVoiceCallQuery Read(IQueryCollection query)
    {
        Guid? conversation = null, session = null;
        var kbIds = new List<Guid>();
        if (query["conversation_id"].ToString() is { Length: > 0 } c)
        {
            if (!Guid.TryParse(c, out var id))
            {
                return Invalid("conversation_id must be a UUID.");
            }
            conversation = id;
        }
        if (query["session_id"].ToString() is { Length: > 0 } s)
        {
            if (!Guid.TryParse(s, out var id))
            {
                return Invalid("session_id must be a UUID.");
            }
            session = id;
        }
        foreach (var value in query["kb_ids"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!Guid.TryParse(value, out var id))
            {
                return Invalid("kb_ids must be UUIDs separated by commas.");
            }
            kbIds.Add(id);
        }
        var language = VoiceCatalog.English;
        if (query["language"].ToString() is { Length: > 0 } l)
        {
            if (VoiceCatalog.NormalizeLanguage(l) is not { } known)
            {
                return Invalid("language must be en or zh.");
            }
            language = known;
        }
        return new HoldVoiceCallQuery(conversation, kbIds, session, language, null);

        static HoldVoiceCallQuery Invalid(string message) => new(null, [], null, VoiceCatalog.English, new VoiceCallError("invalid_query", message));
    }
}
