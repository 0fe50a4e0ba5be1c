namespace VoiceHelper.Knowledge.Common;

/// <summary>
/// The original file. Not tenant-owned by itself: it is only ever reached through its <see cref="Document"/>,
/// which is filtered, and the ingestion worker reads it by document id.
/// </summary>
public sealed class DocumentContent
{
    public Guid DocumentId { get; set; }
    public required byte[] Content { get; set; }
}
