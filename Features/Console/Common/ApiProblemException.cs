namespace VoiceHelper.Console.Common;

/// <summary>
/// A ProblemDetails answer of the public API, shown to the user by its <c>detail</c>; a validation problem also keeps its
/// messages per field (snake_case names, as the API spells them) so that a form can show each next to its input.
/// </summary>
public sealed class ApiProblemException(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    /// <summary>The messages for <paramref name="field"/>, joined, or null when it has none.</summary>
    public string? For(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
