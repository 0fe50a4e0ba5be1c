namespace VoiceHelper.ServiceDefaults.Problems;

/// <summary>The outcome of a use case that answers nothing but done (a delete, a logout), or an expected <see cref="Error"/>.</summary>
public readonly record struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result Success => default;
    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}
