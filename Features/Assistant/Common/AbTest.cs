using VoiceHelper.ServiceDefaults.Data;

namespace VoiceHelper.Assistant.Common;

/// <summary>An A/B test: weighted variants, <c>draft</c> until started, <c>running</c>, then <c>stopped</c>.</summary>
public sealed class AbTest : ITenantOwned
{
    public const string Draft = "draft", Running = "running", Stopped = "stopped";

    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Status { get; set; } = Draft;

    /// <summary>The <see cref="AbTestVariant"/> list as JSON (jsonb).</summary>
    public string VariantsJson { get; set; } = "[]";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
}
