using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Voice.Speech.Hosting;

namespace VoiceHelper.Speech.Bench;

/// <summary>A host with the product's engine wiring; files come from VOICEHELPER_TOOLS_DIR / VOICEHELPER_MODELS_DIR.</summary>
internal static class BenchHost
{
    public static IHost Build(string recognizer, int workerThreads)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:Recognizer:Engine"] = recognizer,
            ["Speech:Denoiser:Enabled"] = "true",
            ["Speech:Workers:Threads"] = workerThreads.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Speech:Pocketsphinx:MaxIdleDecoders"] = "64",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddSpeechEngines();
        var host = builder.Build();
        host.Start();
        return host;
    }
}
