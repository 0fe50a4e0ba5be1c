namespace VoiceHelper.Voice.Bench;

/// <summary>
/// One turn of a capacity call. <see cref="ResponseMs"/> (end of the question's audio -> first answer audio byte) is null
/// when no answer audio came in time; <see cref="LagMs"/> is how much later than real time the final transcript came:
/// its arrival minus the end of speech minus the end-of-turn silence the server waited for on purpose. The rest is the
/// server's own latency breakdown from <c>response.done</c>.
/// </summary>
internal sealed record CapacityTurn(int Call, string Question, string Transcript, int? ResponseMs, int? LagMs, int AnswerAudioMs, string? Failure,
    int EndOfTurnMs = 0, int RecognitionMs = 0, int FirstTokenMs = 0, int SynthesisMs = 0);
