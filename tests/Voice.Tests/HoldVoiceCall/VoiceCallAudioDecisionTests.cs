using VoiceHelper.Voice.HoldVoiceCall;

namespace VoiceHelper.Voice.Tests.HoldVoiceCall;

public sealed class VoiceCallAudioDecisionTests
{
    [Theory]
    [InlineData(2000, 0, 20, true, 1980)]      // a full allowance takes a frame
    [InlineData(10, 0, 20, false, 10)]         // an empty one drops it
    [InlineData(10, 15, 20, true, 5)]          // wall time refills it
    [InlineData(1990, 500, 20, true, 1980)]    // never beyond the maximum
    public void Frames_spend_an_allowance_that_wall_time_refills(double allowance, double elapsed, double frame, bool accepted, double left) =>
        VoiceCallAudioDecision.Pace(allowance, elapsed, frame, 2000).ShouldBe((accepted, left));

    [Fact]
    public void A_client_sending_twice_real_time_has_about_half_its_frames_dropped_once_the_allowance_is_spent()
    {
        var (allowance, taken) = (2000.0, 0);
        for (var i = 0; i < 1000; i++)
        {
            (var ok, allowance) = VoiceCallAudioDecision.Pace(allowance, 10, 20, 2000);
            taken += ok ? 1 : 0;
        }
        taken.ShouldBeInRange(590, 610); // 2 s of head start (100 frames) + half of the rest
    }

    [Theory]
    [InlineData(true, true, false, true, 250, true)]
    [InlineData(true, true, false, true, 249, false)]   // a cough
    [InlineData(true, false, false, true, 900, false)]  // barge-in off
    [InlineData(true, true, true, true, 900, false)]    // once per stretch of speech
    [InlineData(true, true, false, false, 900, false)]  // nothing audible to interrupt
    [InlineData(false, true, false, true, 900, false)]
    public void Speech_over_an_audible_answer_interrupts_it_after_the_minimum(bool speaking, bool on, bool barged, bool audible, int speechMs, bool expected) =>
        VoiceCallAudioDecision.BargesIn(speaking, on, barged, audible, speechMs, 250).ShouldBe(expected);

    [Fact]
    public void The_detector_skips_silence_only_while_no_speech_is_under_way()
    {
        var silence = new float[320];
        var noiseFloor = Enumerable.Range(0, 320).Select(i => (i % 2 == 0 ? 1 : -1) * 0.002f).ToArray(); // -54 dBFS
        var speech = Enumerable.Range(0, 320).Select(i => 0.2f * MathF.Sin(i / 5f)).ToArray();
        var click = new float[320];
        click[100] = 0.01f; // one sample above -50 dBFS: the detector decides what it is

        VoiceCallAudioDecision.SkipsDetector(silence, speaking: false).ShouldBeTrue();
        VoiceCallAudioDecision.SkipsDetector(noiseFloor, speaking: false).ShouldBeTrue();
        VoiceCallAudioDecision.SkipsDetector(speech, speaking: false).ShouldBeFalse();
        VoiceCallAudioDecision.SkipsDetector(click, speaking: false).ShouldBeFalse();
        VoiceCallAudioDecision.SkipsDetector(silence, speaking: true).ShouldBeFalse(); // the silence that ends speech is scored
    }
}
