namespace VoiceHelper.Console.Common;

/// <summary>A ProblemDetails answer of the public API, shown to the user by its <c>detail</c>.</summary>
public sealed class ApiProblemException(int status, string code, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}
