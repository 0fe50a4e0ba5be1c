namespace VoiceHelper.Voice.Bench;

/// <summary>
/// What the caller process is told for one capacity level: where to call, one access token per call, the questions
/// (text and a raw float32 clip file each), how long the level runs and over how many seconds the calls start.
/// </summary>
internal sealed record CapacityJob(Uri Voice, Guid? KnowledgeBaseId, IReadOnlyList<string> Tokens, IReadOnlyList<CapacityQuestion> Questions,
    double Seconds, double StaggerSeconds);
