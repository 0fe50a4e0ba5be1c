namespace VoiceHelper.Ingestion.Parse;

/// <summary>An expected failure to extract text; <see cref="Code"/> is stable and shown to the tenant.</summary>
public sealed record ParseFailure(string Code, string Message)
{
    public const string CorruptPdf = "corrupt_pdf";
    public const string EncryptedPdf = "encrypted_pdf";
    public const string CorruptDocx = "corrupt_docx";
    public const string EmptyText = "empty_text";
    public const string UnsupportedType = "unsupported_type";
    public const string InternalError = "internal_error";
}
