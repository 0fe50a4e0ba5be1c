namespace VoiceHelper.Voice.Tests.Speech.Vad;

[Collection(NativeMemoryCollection.Name)]
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
    public void Sessions_opened_and_closed_do_not_grow_native_memory()
    {
        var audio = TestSpeech.Silence(0.2);
        void Cycle(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var session = fixture.Vad.OpenSession();
                session.Accept(audio);
            }
        }

        // Sessions run in parallel too, so the pool sees more detectors than it keeps.
        void Burst()
        {
            var open = Enumerable.Range(0, 24).Select(_ => fixture.Vad.OpenSession()).ToList();
            open.ForEach(s => s.Dispose());
        }

        // Warm-up fills the pool and the allocator's free lists.
        Burst();
        Burst();
        Cycle(100);
        var before = ProcessMemory.ResidentBytes();
        for (var round = 0; round < 10; round++)
        {
            Burst();
            Cycle(100);
        }

        var growth = ProcessMemory.ResidentBytes() - before;

        // 1,000 reuses plus 80 detectors created and freed beyond the pool's 16; each holds an
        // onnxruntime session of several MB, so leaking them would show at once.
        growth.ShouldBeLessThan(24L * 1024 * 1024, $"resident memory grew by {growth / 1024} KiB");
    }

    [Fact]
    public async Task Reset_and_reused_detectors_start_again_at_sample_zero()
    {
        var speech = await TestSpeech.SayAsync(fixture.Synthesizer, "Hello there");
        using (var first = fixture.Vad.OpenSession())
        {
            first.Accept(TestSpeech.Concat(TestSpeech.Silence(0.5), speech));
            first.IsSpeaking.ShouldBeTrue();
        }

        // The detector just closed goes back to the pool; the next session must not inherit its state.
        using var next = fixture.Vad.OpenSession();
        next.IsSpeaking.ShouldBeFalse();
        next.Accept(TestSpeech.Concat(TestSpeech.Silence(0.7), speech));
        next.Reset();

        next.IsSpeaking.ShouldBeFalse();
        var spans = next.Accept(TestSpeech.Concat(TestSpeech.Silence(1.0), speech, TestSpeech.Silence(1.0))).Concat(next.Flush()).ToList();
        // One block of 2.7 s in a single call: the session must still see the transitions inside it.
        var (start, end) = TestSpeech.AudibleRange(speech);
        spans.Count.ShouldBe(1);
        spans[0].Start.TotalSeconds.ShouldBe(1.0 + (start / 16_000.0), 0.1);
        spans[0].End.TotalSeconds.ShouldBe(1.0 + (end / 16_000.0), 0.1);
    }

    [Fact]
    public void Non_finite_samples_are_rejected()
    {
        using var session = fixture.Vad.OpenSession();
        Should.Throw<ArgumentException>(() => session.Accept([0f, float.NaN]));
        session.Accept([]).ShouldBeEmpty();
    }
}
