namespace VoiceHelper.Identity.Login;

/// <summary>The verdict and the account's lockout state to store.</summary>
public sealed record LoginOutcome(LoginVerdict Verdict, int FailedLoginCount, DateTimeOffset? LockedUntil);
