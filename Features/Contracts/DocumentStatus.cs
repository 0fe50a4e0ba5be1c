namespace VoiceHelper.Contracts;

/// <summary>
/// The states of a document in knowledgedb's <c>documents.status</c>: Knowledge creates a document pending, the ingestion
/// worker moves it to processing, then indexed or failed. Both processes write these values, so they are defined here once.
/// </summary>
public static class DocumentStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Indexed = "indexed";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Indexed, Failed];
}
