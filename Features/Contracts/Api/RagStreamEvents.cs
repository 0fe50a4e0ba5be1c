namespace VoiceHelper.Contracts.Api;

/// <summary>
/// The server-sent events of a streamed answer, in order: <see cref="Refs"/> (<see cref="RagRefs"/>, once, first),
/// <see cref="Token"/> (<see cref="RagToken"/>, the answer's deltas), then <see cref="End"/> (<see cref="RagAnswer"/>)
/// or, when the answer failed after the stream started, <see cref="Error"/> (<see cref="RagStreamError"/>).
/// </summary>
public static class RagStreamEvents
{
    public const string Refs = "refs";
    public const string Token = "token";
    public const string End = "end";
    public const string Error = "error";
}
