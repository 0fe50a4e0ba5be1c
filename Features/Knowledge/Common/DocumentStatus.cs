namespace VoiceHelper.Knowledge.Common;

/// <summary>The states a document goes through; the ingestion worker writes the same strings.</summary>
public static class DocumentStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Indexed = "indexed";
    public const string Failed = "failed";
}
