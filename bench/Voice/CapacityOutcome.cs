namespace VoiceHelper.Voice.Bench;

/// <summary>
/// What the caller process hands back: every turn, its own CPU over the measured window, and the recognisers the calls
/// were given (from <c>session.created</c>: what was measured, by name), and how many calls' own microphones fell more
/// than a second behind real time (the caller process starved, not the server).
/// </summary>
internal sealed record CapacityOutcome(IReadOnlyList<CapacityTurn> Turns, double CallerCpuMs, double WindowMs, int CallsConnected, IReadOnlyList<string> Recognizers,
    int MicrophonesBehind);
