namespace VoiceHelper.Assistant.QueryRag;

/// <summary>Where a streamed answer goes while it is produced: the sources first, then the answer's deltas.</summary>
public interface IQueryRagStream
{
    ValueTask RefsAsync(IReadOnlyList<QueryRagSource> sources, CancellationToken cancellationToken);

    ValueTask TokenAsync(string delta, CancellationToken cancellationToken);
}
