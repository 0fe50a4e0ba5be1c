using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Voice.Speech.Denoising;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;
using VoiceHelper.Voice.Speech.Vad;

[assembly: AssemblyFixture(typeof(VoiceHelper.Voice.Tests.Speech.SpeechFixture))]

namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>One host for the whole run: loading models is the slow part, and engines are shared by design.</summary>
public sealed class SpeechFixture : IAsyncLifetime
{
    private readonly IHost host = SpeechHost.Build(new Dictionary<string, string?>
    {
        ["Speech:Recognizer:Engine"] = "SherpaOnnx",
        ["Speech:Denoiser:Enabled"] = "true",
    });

    public IServiceProvider Services => host.Services;

    public IVoiceActivityDetector Vad => Services.GetRequiredService<IVoiceActivityDetector>();

    public ISpeechRecognizer Recognizer => Services.GetRequiredService<ISpeechRecognizer>();

    public ISpeechDenoiser Denoiser => Services.GetRequiredService<ISpeechDenoiser>();

    public ISpeechSynthesizer Synthesizer => Services.GetRequiredService<ISpeechSynthesizer>();

    public async ValueTask InitializeAsync() => await host.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
