namespace VoiceHelper.Voice.Tests.Speech.Vad;

public sealed class SileroVadTests(SpeechFixture fixture)
{
    private const int Rate = 16_000;

    [Fact]
    public async Task Segments_match_the_speech_spans_within_100_ms()
    {
        var first = await TestSpeech.SayAsync(fixture.Synthesizer, "Hello there, how are you today");
        var second = await TestSpeech.SayAsync(fixture.Synthesizer, "I would like to book a table for two");
        var lead = TestSpeech.Silence(1.0);
        var gap = TestSpeech.Silence(1.5);
        var audio = TestSpeech.Concat(lead, first, gap, second, TestSpeech.Silence(1.0));

        // Ground truth: the audible part of each synthesized clip, placed where it was inserted.
        var (firstStart, firstEnd) = TestSpeech.AudibleRange(first);
        var (secondStart, secondEnd) = TestSpeech.AudibleRange(second);
        var offset2 = lead.Length + first.Length + gap.Length;
        double[][] expected =
        [
            [(lead.Length + firstStart) / (double)Rate, (lead.Length + firstEnd) / (double)Rate],
            [(offset2 + secondStart) / (double)Rate, (offset2 + secondEnd) / (double)Rate],
        ];

        using var session = fixture.Vad.OpenSession();
        var spans = new List<VoiceHelper.Voice.Speech.Vad.SpeechSpan>();
        foreach (var chunk in TestSpeech.Chunks(audio, 320))
        {
            spans.AddRange(session.Accept(chunk.Span));
        }

        spans.AddRange(session.Flush());
        TestContext.Current.SendDiagnosticMessage("expected " + string.Join(", ", expected.Select(e => $"{e[0]:F3}-{e[1]:F3}"))
            + " got " + string.Join(", ", spans.Select(s => $"{s.Start.TotalSeconds:F3}-{s.End.TotalSeconds:F3}")));

        spans.Count.ShouldBe(2);
        for (var i = 0; i < 2; i++)
        {
            spans[i].Start.TotalSeconds.ShouldBe(expected[i][0], 0.1, $"start of span {i}");
            spans[i].End.TotalSeconds.ShouldBe(expected[i][1], 0.1, $"end of span {i}");
        }
    }

    [Fact]
    public async Task Is_speaking_while_speech_is_fed_and_not_in_silence()
    {
        var speech = await TestSpeech.SayAsync(fixture.Synthesizer, "This is a long sentence spoken by the caller");
        using var session = fixture.Vad.OpenSession();
        session.Accept(TestSpeech.Silence(1.0));
        session.IsSpeaking.ShouldBeFalse();
        session.Accept(speech.AsSpan(0, speech.Length / 2));
        session.IsSpeaking.ShouldBeTrue();
    }

    [Fact]
    public void Ten_minutes_of_silence_give_no_segment()
    {
        using var session = fixture.Vad.OpenSession();
        var second = TestSpeech.Silence(1.0);
        var spans = 0;
        for (var i = 0; i < 600; i++)
        {
            spans += session.Accept(second).Count;
        }

        spans += session.Flush().Count;
        spans.ShouldBe(0);
    }

    [Fact]
    public void Non_finite_samples_are_rejected()
    {
        using var session = fixture.Vad.OpenSession();
        Should.Throw<ArgumentException>(() => session.Accept([0f, float.NaN]));
        session.Accept([]).ShouldBeEmpty();
    }
}
