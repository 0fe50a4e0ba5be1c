namespace VoiceHelper.Identity.CreateWidgetSession;

/// <summary>A visitor's short-lived token and the visitor id for the widget to keep (the same one it sent, or a new one).</summary>
public sealed record CreateWidgetSessionResponse(string AccessToken, int ExpiresIn, string TokenType, string VisitorId, Guid VisitorSubject);
