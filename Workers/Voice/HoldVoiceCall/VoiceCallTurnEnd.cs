namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>What a finished turn becomes (<see cref="VoiceCallTurnEndDecision.Decide"/>).</summary>
public enum VoiceCallTurnEnd
{
    /// <summary>Nothing was recognised: no question, and an answer prepared early is dropped.</summary>
    Nothing,

    /// <summary>Speech too short to barge in while the answer was audible ("uh-huh"): not a question.</summary>
    Backchannel,

    /// <summary>The answer prepared from the partial transcript is this turn's: the final transcript says the same words.</summary>
    AdoptPrepared,

    /// <summary>A new question: asked now (an answer prepared for other words is dropped).</summary>
    Ask,
}
