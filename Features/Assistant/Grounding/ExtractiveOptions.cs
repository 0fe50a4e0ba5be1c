using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Assistant.Grounding;

/// <summary>Tuning of the embedded extractive answerer.</summary>
public sealed class ExtractiveOptions
{
    /// <summary>The score the best sentence must reach; below it the answer is "I don't know".</summary>
    [Range(0.0, 1.0)] public double MinSupport { get; set; } = 0.5;

    /// <summary>
    /// The score the best sentence must reach when it mixes meaning and words: a sentence near the question in meaning
    /// but about something else scores higher than by its words, so the bar is higher.
    /// </summary>
    [Range(0.0, 1.0)] public double MinMixedSupport { get; set; } = 0.55;

    /// <summary>The score a sentence needs in the stricter regeneration.</summary>
    [Range(0.0, 1.0)] public double StrictMinSupport { get; set; } = 0.65;

    [Range(1, 10)] public int MaxSentences { get; set; } = 3;

    /// <summary>The answer's length bound in characters (citations included); sentences past it are left out, the first is cut.</summary>
    [Range(80, 4000)] public int MaxAnswerChars { get; set; } = 600;

    /// <summary>A sentence longer than this (an option list flattened into one line) is scored and quoted by its items.</summary>
    [Range(80, 4000)] public int MaxSentenceChars { get; set; } = 240;

    /// <summary>A sentence of at most this many words just before a quoted one is its label and is quoted with it (0: never).</summary>
    [Range(0, 20)] public int LabelWords { get; set; } = 5;

    /// <summary>
    /// With the sentence model, a sentence's score is this share of its meaning (cosine to the question, lifted by a
    /// neighbour's) plus the rest of its share of the question's words; 0 ranks by words alone. 0.6 was tuned on
    /// the English dev split of bench/Devsets (bench/Assistant --replay).
    /// </summary>
    [Range(0.0, 1.0)] public double MeaningWeight { get; set; } = 0.6;

    /// <summary>With the sentence model, the share of the question's words a sentence must still have to be quoted.</summary>
    [Range(0.0, 1.0)] public double MinWordSupport { get; set; } = 0.3;

    /// <summary>Cosine at or below which a sentence counts as unrelated, and at or above which as fully on topic.</summary>
    [Range(-1.0, 1.0)] public double MeaningFloor { get; set; } = 0.2;

    [Range(-1.0, 1.0)] public double MeaningCeiling { get; set; } = 0.7;

    /// <summary>Sentences embedded per question (the best by words, then the top source's): bounds the answer's latency.</summary>
    [Range(1, 256)] public int MeaningCandidates { get; set; } = 16;
}
