using VoiceHelper.Voice.HoldVoiceCall;
using Step = VoiceHelper.Voice.HoldVoiceCall.VoiceCallSpeculationDecision.Step;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

public sealed class VoiceCallSpeculationDecisionTests
{
    [Theory]
    [InlineData(true, false, "how long is the warranty", null, true, Step.Start)]
    [InlineData(true, false, "how long is the warranty", "How long is the warranty?", true, Step.Keep)]
    [InlineData(true, true, "how long is the warranty", "how long is the warranty", true, Step.Discard)]
    [InlineData(true, true, "how long is the", null, true, Step.Keep)]
    [InlineData(true, false, "how long is the warranty and", null, true, Step.Keep)]
    [InlineData(true, false, "how long is the warranty and", "how long is the warranty", true, Step.Discard)]
    [InlineData(true, false, "how long is the warranty period", "how long is the warranty", true, Step.Start)]
    [InlineData(true, false, "", null, true, Step.Keep)]
    [InlineData(false, false, "how long is the warranty", null, true, Step.Keep)]
    [InlineData(true, false, "how long is the warranty", null, false, Step.Keep)]
    public void An_answer_is_prepared_only_while_the_caller_is_silent_on_a_complete_question(
        bool enabled, bool speaking, string transcript, string? speculating, bool answerFree, Step expected) =>
        VoiceCallSpeculationDecision.Next(enabled, speaking, transcript, speculating, answerFree).ShouldBe(expected);

    [Theory]
    [InlineData("How long is the warranty?", "how long is the warranty", true)]
    [InlineData("how long is the warranty", "how long is the warranty period", false)]
    [InlineData("opening hours", "opening, hours.", true)]
    public void A_prepared_answer_fits_a_final_transcript_with_the_same_words(string prepared, string final, bool expected) =>
        VoiceCallSpeculationDecision.SameWords(prepared, final).ShouldBe(expected);
}
