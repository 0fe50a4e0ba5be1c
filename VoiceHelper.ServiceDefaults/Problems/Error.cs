namespace VoiceHelper.ServiceDefaults.Problems;

/// <summary>
/// An expected failure: a stable machine-readable code, the HTTP status it maps to, a message, and for a refusal
/// that passes (429, 503) when to try again (sent as <c>Retry-After</c>).
/// </summary>
public sealed record Error(string Code, int Status, string Message, IReadOnlyDictionary<string, string[]>? Fields = null,
    TimeSpan? RetryAfter = null)
{
    public static Error NotFound(string what) => new($"{what}_not_found", 404, $"The {what.Replace('_', ' ')} does not exist.");
    public static Error Conflict(string code, string message) => new(code, 409, message);
    public static Error Forbidden(string code, string message) => new(code, 403, message);
    public static Error Unauthorized(string code, string message) => new(code, 401, message);
    public static Error Invalid(string code, string message) => new(code, 400, message);
    public static Error Validation(IReadOnlyDictionary<string, string[]> fields) =>
        new("validation_failed", 400, "One or more fields are invalid.", fields);
}
