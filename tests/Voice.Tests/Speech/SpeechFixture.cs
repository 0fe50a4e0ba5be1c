using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Voice.Speech.Denoising;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;
using VoiceHelper.Voice.Speech.Vad;

[assembly: AssemblyFixture(typeof(VoiceHelper.Voice.Tests.Speech.SpeechFixture))]

namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>
/// One host for the whole run: loading models is the slow part, and engines are shared by design. Without
/// VOICEHELPER_MODELS_DIR the host runs the embedded engines and the model-backed ones skip when asked for.
/// </summary>
public sealed class SpeechFixture : IAsyncLifetime
{
    private readonly IHost host = SpeechHost.Build(SpeechHost.HasModels
        ? new Dictionary<string, string?> { ["Speech:Recognizer:Engine"] = "SherpaOnnx", ["Speech:Denoiser:Enabled"] = "true" }
        : new Dictionary<string, string?> { ["Speech:Recognizer:Engine"] = "Pocketsphinx" });

    public IServiceProvider Services => host.Services;

    public IVoiceActivityDetector Vad => Services.GetRequiredService<IVoiceActivityDetector>();

    /// <summary>The sherpa-onnx transducer; skips the test without the models folder.</summary>
    public ISpeechRecognizer Recognizer
    {
        get
        {
            SpeechHost.RequireModels();
            return Services.GetRequiredService<ISpeechRecognizer>();
        }
    }

    /// <summary>The GTCRN denoiser; skips the test without the models folder.</summary>
    public ISpeechDenoiser Denoiser
    {
        get
        {
            SpeechHost.RequireModels();
            return Services.GetRequiredService<ISpeechDenoiser>();
        }
    }

    public ISpeechSynthesizer Synthesizer => Services.GetRequiredService<ISpeechSynthesizer>();

    public async ValueTask InitializeAsync() => await host.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
