using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Voice.Tests.Speech;

/// <summary>
/// Builds a host with the real speech engines. Engine files are found only through the two folders the
/// test script exports (VOICEHELPER_TOOLS_DIR, VOICEHELPER_MODELS_DIR); a missing one fails the test.
/// </summary>
public static class SpeechHost
{
    public static IHost Build(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        Require(builder.Configuration, SpeechPaths.ToolsDirectoryVariable);
        Require(builder.Configuration, SpeechPaths.ModelsDirectoryVariable);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddSpeechEngines();
        return builder.Build();
    }

    private static void Require(IConfiguration configuration, string variable)
    {
        if (string.IsNullOrWhiteSpace(configuration[variable]))
        {
            throw new InvalidOperationException($"{variable} is not set: the speech tests need it (the test script exports it).");
        }
    }
}
