namespace VoiceHelper.Identity.Login;

public enum LoginVerdict
{
    Succeeded,
    WrongPassword,

    /// <summary>This wrong password was the last one allowed: the account is locked from now on.</summary>
    LockedNow,

    /// <summary>Still inside a lockout window: refused whatever the password.</summary>
    Locked,
    Disabled,
}
