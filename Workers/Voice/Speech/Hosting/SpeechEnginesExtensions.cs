using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Denoising;
using VoiceHelper.Voice.Speech.Native;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Voice.Speech.Hosting;

public static class SpeechEnginesExtensions
{
    /// <summary>
    /// Registers the speech engines (Silero VAD, the streaming recogniser, the optional GTCRN denoiser,
    /// espeak-ng synthesis), their options validated at start-up, the decode threads, and the
    /// <c>speech</c> health check. Engines load on first use and are process-wide singletons.
    /// </summary>
    public static IHostApplicationBuilder AddSpeechEngines(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddOptions<SherpaOnnxOptions>().Bind(configuration.GetSection(SherpaOnnxOptions.Section))
            .PostConfigure(o => o.LibraryDirectory ??= SpeechPaths.ToolsPath(configuration, SpeechPaths.SherpaOnnxPackage))
            .ValidateOnStart();
        services.AddOptions<VadOptions>().Bind(configuration.GetSection(VadOptions.Section))
            .PostConfigure(o => o.ModelPath ??= SpeechPaths.ToolsPath(configuration, SpeechPaths.SileroModel))
            .ValidateOnStart();
        services.AddOptions<RecognizerOptions>().Bind(configuration.GetSection(RecognizerOptions.Section))
            .PostConfigure(o => o.ModelDirectory ??= SpeechPaths.ModelsPath(configuration, SpeechPaths.StreamingAsrModel))
            .ValidateOnStart();
        services.AddOptions<PocketsphinxOptions>().Bind(configuration.GetSection(PocketsphinxOptions.Section));
        services.AddOptions<SynthesizerOptions>().Bind(configuration.GetSection(SynthesizerOptions.Section)).ValidateOnStart();
        services.AddOptions<SpeechWorkerOptions>().Bind(configuration.GetSection(SpeechWorkerOptions.Section))
            .Validate(o => o.Threads >= 1, "Speech:Workers:Threads must be at least 1.");

        services.AddSingleton<IValidateOptions<SherpaOnnxOptions>, SherpaOnnxOptionsValidator>();
        services.AddSingleton<IValidateOptions<VadOptions>, VadOptionsValidator>();
        services.AddSingleton<IValidateOptions<RecognizerOptions>, RecognizerOptionsValidator>();
        services.AddSingleton<IValidateOptions<SynthesizerOptions>, SynthesizerOptionsValidator>();
        services.AddSingleton<IValidateOptions<DenoiserOptions>, DenoiserOptionsValidator>();

        services.AddSingleton(sp => new SpeechWorkPool(sp.GetRequiredService<IOptions<SpeechWorkerOptions>>().Value.Threads));
        services.AddSingleton<IVoiceActivityDetector>(sp =>
        {
            LoadSherpaOnnx(sp);
            return ActivatorUtilities.CreateInstance<SileroVoiceActivityDetector>(sp);
        });
        services.AddSingleton<ISpeechRecognizer>(CreateRecognizer);
        services.AddSingleton<ISpeechSynthesizer, EspeakSpeechSynthesizer>();

        // The denoiser is optional, so whether it exists is decided from configuration now: consumers
        // ask for it with GetService and skip denoising when it is absent.
        var denoiser = configuration.GetSection(DenoiserOptions.Section).Get<DenoiserOptions>() ?? new DenoiserOptions();
        denoiser.ModelPath ??= SpeechPaths.ModelsPath(configuration, SpeechPaths.GtcrnModel);
        services.AddOptions<DenoiserOptions>().Bind(configuration.GetSection(DenoiserOptions.Section))
            .PostConfigure(o => o.ModelPath ??= denoiser.ModelPath)
            .ValidateOnStart();
        if (denoiser.IsEnabled)
        {
            services.AddSingleton<ISpeechDenoiser>(sp =>
            {
                LoadSherpaOnnx(sp);
                return ActivatorUtilities.CreateInstance<GtcrnSpeechDenoiser>(sp);
            });
        }

        services.AddHealthChecks().AddCheck<SpeechHealthCheck>("speech");
        return builder;
    }

    private static ISpeechRecognizer CreateRecognizer(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<RecognizerOptions>>().Value;
        if (options.ResolveEngine() == RecognizerEngine.SherpaOnnx)
        {
            LoadSherpaOnnx(services);
            return ActivatorUtilities.CreateInstance<SherpaOnnxSpeechRecognizer>(services);
        }

        return ActivatorUtilities.CreateInstance<PocketsphinxSpeechRecognizer>(services);
    }

    private static void LoadSherpaOnnx(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SherpaOnnxOptions>>().Value;
        NativeLibraries.UseSherpaOnnxDirectory(options.LibraryDirectory
            ?? throw new SpeechConfigurationException("Speech:SherpaOnnx:LibraryDirectory is not set. Run scripts/setup.sh and set VOICEHELPER_TOOLS_DIR."));
        NativeLibraries.Preload(NativeLibraries.SherpaOnnx);
    }
}
