using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceHelper.Voice.Speech.Denoising;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>
/// Reports which speech engines are loaded (loading them on first call, so a missing file shows up
/// here with its message). A voice worker without VAD, recogniser or synthesiser cannot serve calls.
/// </summary>
internal sealed class SpeechHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Loading models blocks for up to a second; keep it off the request thread.
        return await Task.Factory.StartNew(Check, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private HealthCheckResult Check()
    {
        var data = new Dictionary<string, object>();
        var failures = new List<string>();
        Probe<IVoiceActivityDetector>("vad", vad => vad.Name);
        Probe<ISpeechRecognizer>("recognizer", recognizer => recognizer.Name);
        Probe<ISpeechSynthesizer>("synthesizer", synthesizer => synthesizer.Name);
        if (services.GetService<ISpeechDenoiser>() is { } denoiser)
        {
            data["denoiser"] = denoiser.Name;
        }
        else
        {
            data["denoiser"] = "disabled";
        }

        return failures.Count == 0
            ? HealthCheckResult.Healthy("Speech engines loaded.", data)
            : HealthCheckResult.Unhealthy(string.Join(" ", failures), data: data);

        void Probe<T>(string key, Func<T, string> describe)
            where T : class
        {
            try
            {
                data[key] = describe(services.GetRequiredService<T>());
            }
            catch (Exception exception)
            {
                data[key] = "not loaded";
                failures.Add($"{key}: {exception.Message}");
            }
        }
    }
}
