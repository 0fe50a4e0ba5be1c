using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace VoiceHelper.Voice.Tests.Speech.Hosting;

public sealed class AddSpeechEnginesTests(SpeechFixture fixture)
{
    [Fact]
    public async Task Health_check_reports_the_loaded_engines()
    {
        var health = fixture.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(TestContext.Current.CancellationToken);

        var speech = report.Entries["speech"];
        speech.Status.ShouldBe(HealthStatus.Healthy);
        speech.Data["vad"].ShouldBe("silero-vad-v5 (sherpa-onnx)");
        if (SpeechHost.HasModels)
        {
            speech.Data["recognizer"].ShouldBe("sherpa-onnx streaming transducer");
            speech.Data["denoiser"].ShouldBe("gtcrn (sherpa-onnx)");
        }
        else
        {
            // Without VOICEHELPER_MODELS_DIR the embedded Debian recogniser serves.
            speech.Data["recognizer"].ShouldBe("pocketsphinx en-us (Debian)");
        }
        speech.Data["synthesizer"].ShouldBe("espeak-ng (Debian)");
    }

    [Fact]
    public async Task Start_up_fails_naming_a_missing_model_file_and_how_to_install_it()
    {
        using var host = SpeechHost.Build(new Dictionary<string, string?> { ["Speech:Vad:ModelPath"] = "/nonexistent/silero_vad_v5.onnx" });
        var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        error.Message.ShouldContain("/nonexistent/silero_vad_v5.onnx");
        error.Message.ShouldContain("scripts/setup.sh");
    }

    [Fact]
    public async Task Start_up_rejects_a_wrong_sample_rate_and_a_missing_recogniser_model()
    {
        using var host = SpeechHost.Build(new Dictionary<string, string?>
        {
            ["Speech:Vad:SampleRate"] = "44100",
            ["Speech:Recognizer:ModelDirectory"] = "/nonexistent/asr",
        });
        // Two options classes fail, so the host reports both at once.
        var error = await Should.ThrowAsync<AggregateException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        var messages = string.Join(" ", error.InnerExceptions.OfType<OptionsValidationException>().Select(e => e.Message));
        messages.ShouldContain("44100");
        messages.ShouldContain("/nonexistent/asr");
    }
}
