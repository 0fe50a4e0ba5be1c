namespace VoiceHelper.Knowledge.UploadDocument;

/// <param name="Duplicate">True when identical content already existed in the knowledge base: this is that document.</param>
/// <param name="ReplacesDocumentId">The earlier version (same file name) that this one replaces once it is indexed.</param>
public sealed record UploadDocumentResponse(Guid DocumentId, string Status, bool Duplicate, Guid? ReplacesDocumentId);
