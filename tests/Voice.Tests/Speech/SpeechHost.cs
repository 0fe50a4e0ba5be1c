using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>
/// Builds a host with the real speech engines. The npm engines are found in the checkout's <c>.tools/</c> (or
/// VOICEHELPER_TOOLS_DIR); the models outside any registry only through VOICEHELPER_MODELS_DIR, and tests that need
/// them skip without it (<see cref="RequireModels"/>).
/// </summary>
public static class SpeechHost
{
    public static bool HasModels => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SpeechPaths.ModelsDirectoryVariable));

    public static IHost Build(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddSpeechEngines();
        return builder.Build();
    }

    /// <summary>Skips the calling test when the models folder is not configured.</summary>
    public static void RequireModels()
    {
        if (!HasModels)
        {
            Assert.Skip($"{SpeechPaths.ModelsDirectoryVariable} is not set: this test needs the streaming transducer and denoiser models (../shared/models).");
        }
    }
}
