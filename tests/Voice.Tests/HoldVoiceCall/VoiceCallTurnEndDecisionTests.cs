using VoiceHelper.Voice.HoldVoiceCall;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

public sealed class VoiceCallTurnEndDecisionTests
{
    [Theory]
    [InlineData("", false, null, VoiceCallTurnEnd.Nothing)]
    [InlineData("", true, "how long is the warranty", VoiceCallTurnEnd.Nothing)]                              // nothing heard beats all
    [InlineData("uh huh", true, null, VoiceCallTurnEnd.Backchannel)]                                          // over an audible answer
    [InlineData("how long is the warranty", true, "how long is the warranty", VoiceCallTurnEnd.Backchannel)]
    [InlineData("how long is the warranty", false, "How long is the warranty?", VoiceCallTurnEnd.AdoptPrepared)]
    [InlineData("how long is the warranty for my phone", false, "how long is the warranty", VoiceCallTurnEnd.Ask)] // the caller went on
    [InlineData("how long is the warranty", false, null, VoiceCallTurnEnd.Ask)]
    public void A_turn_becomes_a_question_only_when_something_new_was_said(string transcript, bool previousAudible, string? prepared, VoiceCallTurnEnd expected) =>
        VoiceCallTurnEndDecision.Decide(transcript, previousAudible, prepared).ShouldBe(expected);

    [Fact]
    public void The_end_of_turn_wait_is_the_silence_since_speech_stopped_and_none_when_the_turn_was_cut_mid_speech()
    {
        // Turn from 1.0 s, speech stopped at 3.0 s, decided at 3.6 s (16 samples per ms).
        VoiceCallTurnEndDecision.Timing(speaking: false, position: 57_600, speechEnd: 48_000, turnStart: 16_000, samplesPerMs: 16).ShouldBe((600, 2000));
        VoiceCallTurnEndDecision.Timing(speaking: true, position: 57_600, speechEnd: 48_000, turnStart: 16_000, samplesPerMs: 16).ShouldBe((0, 2000));
        // Speech that stopped before this turn began (a turn cut at the maximum, still speaking) counts no caller audio.
        VoiceCallTurnEndDecision.Timing(speaking: true, position: 57_600, speechEnd: 8_000, turnStart: 16_000, samplesPerMs: 16).ShouldBe((0, 0));
    }

    [Theory]
    [InlineData("The warranty lasts two years. Returns are free.", "The warranty lasts two years.", true)]
    [InlineData("The warranty lasts two years.", "The warranty lasts two years.", false)] // all of it was heard
    [InlineData("A different answer was stored.", "The warranty lasts", false)]           // not what was spoken: left alone
    [InlineData("The warranty lasts two years.", "", true)]                                 // nothing heard: cut to nothing
    public void A_stored_answer_is_cut_only_to_a_proper_beginning_that_was_heard(string stored, string heard, bool expected) =>
        VoiceCallTurnEndDecision.Truncates(stored, heard).ShouldBe(expected);
}
