using VoiceHelper.Voice.Speech.Audio;
using VoiceHelper.Voice.Speech.Synthesis;

namespace VoiceHelper.Voice.Tests.Speech.Synthesis;

public sealed class EspeakSynthesizerTests(SpeechFixture fixture)
{
    [Theory]
    [InlineData("Your order has shipped and will arrive on Monday.")]
    [InlineData("您的订单已经发货，星期一送到。")]
    public async Task Synthesizes_english_and_chinese_to_16_khz_speech(string text)
    {
        var clip = await fixture.Synthesizer.SynthesizeClipAsync(text, TestContext.Current.CancellationToken);

        clip.SampleRate.ShouldBe(16_000);
        clip.Duration.TotalSeconds.ShouldBeInRange(1.0, 8.0);
        LevelMeter.Measure(clip.Samples).RmsDbfs.ShouldBeGreaterThan(-30);
    }

    [Fact]
    public async Task Chinese_text_gets_the_mandarin_voice_not_spelled_out_characters()
    {
        // An English voice reads each ideograph as "Chinese letter", several seconds per character.
        var clip = await fixture.Synthesizer.SynthesizeClipAsync("你好", TestContext.Current.CancellationToken);
        clip.Duration.TotalSeconds.ShouldBeLessThan(1.5);
        VoiceSelector.Select("你好", new SynthesizerOptions()).ShouldBe("cmn");
        VoiceSelector.Select("hello", new SynthesizerOptions()).ShouldBe("en-us");
        VoiceSelector.Select("你好", new SynthesizerOptions { Voice = "en" }).ShouldBe("en");
    }

    [Fact]
    public async Task Streams_sentences_in_order_in_several_chunks_each()
    {
        var chunks = new List<SynthesisChunk>();
        await foreach (var chunk in fixture.Synthesizer.SynthesizeAsync(Sentences(), TestContext.Current.CancellationToken))
        {
            chunks.Add(chunk);
        }

        chunks.Select(c => c.SentenceIndex).Distinct().ShouldBe([0, 1]);
        chunks.Count(c => c.SentenceIndex == 0).ShouldBeGreaterThan(2);
        chunks.Count(c => c.EndOfSentence).ShouldBe(2);
        chunks.ShouldAllBe(c => c.Pcm16.Length % 2 == 0);
    }

    [Fact]
    public async Task Cancelling_stops_synthesis()
    {
        using var cancellation = new CancellationTokenSource();
        var received = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in fixture.Synthesizer.SynthesizeAsync(Sentences(), cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });
        received.ShouldBe(1);
    }

    private static async IAsyncEnumerable<string> Sentences()
    {
        yield return "The first sentence is about your account balance.";
        await Task.Yield();
        yield return "   ";
        yield return "The second one says goodbye.";
    }
}
