namespace VoiceHelper.Knowledge.UploadDocument;

/// <summary>The multipart form, for the API description: <c>file</c> (required), <c>metadata</c> (a JSON object), <c>title</c>.</summary>
public sealed record UploadDocumentForm(IFormFile File, string? Metadata, string? Title);
