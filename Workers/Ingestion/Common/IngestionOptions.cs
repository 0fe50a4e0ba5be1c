using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Ingestion.Common;

/// <summary>Worker tuning, bound from the <c>Ingestion</c> section.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Longest a pdftotext/pdfinfo run may take before the document fails as corrupt.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Directory for the temporary copy pdftotext reads; the system temp directory when empty.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>Chunks embedded per call to the embedder (progress is written after each batch).</summary>
    [Range(1, 2048)] public int EmbedBatchSize { get; set; } = 64;

    /// <summary>How often the worker looks for knowledge bases recorded with another embedder than its own (and retries after a failure).</summary>
    public TimeSpan ReembedInterval { get; set; } = TimeSpan.FromSeconds(30);
}
