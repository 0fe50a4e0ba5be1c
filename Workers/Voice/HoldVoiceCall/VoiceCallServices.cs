using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Vad;

namespace VoiceHelper.Voice.HoldVoiceCall;

/// <summary>What a call uses, resolved once per call (the engines are process-wide singletons).</summary>
public sealed class VoiceCallServices(
    IServiceProvider services, IOptions<VoiceOptions> options, VoiceSpeaker speaker, VoiceTurnPublisher publisher,
    VoiceCallRegistry registry, SpeechAdaptations adaptations, ILogger<VoiceCallSession> logger)
{
    public VoiceOptions Options { get; } = options.Value;

    public VoiceSpeaker Speaker { get; } = speaker;

    public VoiceTurnPublisher Publisher { get; } = publisher;

    public VoiceCallRegistry Registry { get; } = registry;

    public ILogger Logger { get; } = logger;

    public IVoiceActivityDetector Vad => services.GetRequiredService<IVoiceActivityDetector>();

    public ISpeechRecognizer Recognizer => services.GetRequiredService<ISpeechRecognizer>();

    /// <summary>The recogniser of a call over these knowledge bases: adapted to them when ready, the general one otherwise.</summary>
    public ISpeechRecognizer RecognizerFor(Guid tenantId, IReadOnlyList<Guid>? knowledgeBaseIds) => adaptations.For(tenantId, knowledgeBaseIds);

    /// <summary>A fresh typed client per use: a call lasts longer than a pooled handler should.</summary>
    public ConversationsClient Conversations => services.GetRequiredService<ConversationsClient>();
}
