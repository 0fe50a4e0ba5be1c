using VoiceHelper.Voice.Common;

namespace VoiceHelper.Voice.AdaptRecognition;

/// <summary>Runs the adaptation builds off the request path, one at a time.</summary>
public sealed class AdaptRecognitionWorker(SpeechAdaptations adaptations) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => adaptations.RunAsync(stoppingToken);
}
