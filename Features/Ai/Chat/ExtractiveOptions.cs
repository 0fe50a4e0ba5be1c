using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ai.Chat;

/// <summary>Tuning of the embedded extractive answerer.</summary>
public sealed class ExtractiveOptions
{
    /// <summary>Share of the question's content terms the best sentence must contain; below it the answer is "I don't know".</summary>
    [Range(0.0, 1.0)] public double MinSupport { get; set; } = 0.5;

    /// <summary>The support a sentence needs in the stricter regeneration.</summary>
    [Range(0.0, 1.0)] public double StrictMinSupport { get; set; } = 0.65;

    [Range(1, 10)] public int MaxSentences { get; set; } = 3;
}
