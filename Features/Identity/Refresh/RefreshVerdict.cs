namespace VoiceHelper.Identity.Refresh;

public enum RefreshVerdict
{
    Rotate,

    /// <summary>Exchanged moments ago and presented again, its successor still unused: the same pair again (the client lost it).</summary>
    Repeat,
    Unknown,

    /// <summary>The family was ended (logout, theft detection, disabled user).</summary>
    Revoked,

    /// <summary>Already exchanged once: someone holds a copy. The whole family is revoked.</summary>
    Reused,
    Expired,
    AccountUnavailable,
}
