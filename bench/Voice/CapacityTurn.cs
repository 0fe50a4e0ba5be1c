namespace VoiceHelper.Voice.Bench;

/// <summary>
/// One turn of a capacity call. <see cref="ResponseMs"/> (end of the question's audio -> first answer audio byte) is null
/// when no answer audio came in time; <see cref="LagMs"/> is how much later than real time the final transcript came:
/// its arrival minus the end of speech minus the end-of-turn silence the server waited for on purpose.
/// </summary>
internal sealed record CapacityTurn(int Call, string Question, string Transcript, int? ResponseMs, int? LagMs, int AnswerAudioMs, string? Failure);
