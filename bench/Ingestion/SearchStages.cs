namespace VoiceHelper.Ingestion.Bench;

/// <summary>Milliseconds per stage of each timed hybrid search (the two signals run concurrently, so they overlap).</summary>
internal sealed class SearchStages
{
    public List<double> Embed { get; } = [];
    public List<double> Vector { get; } = [];
    public List<double> Keyword { get; } = [];
    public List<double> Signals { get; } = [];
    public List<double> Fusion { get; } = [];
    public List<double> Load { get; } = [];
    public List<double> Total { get; } = [];
}
