using Microsoft.AspNetCore.Mvc;

namespace VoiceHelper.Knowledge.UploadDocument;

/// <summary>The multipart form: <c>file</c> (required), <c>metadata</c> (a JSON object), <c>title</c>.</summary>
public sealed record UploadDocumentForm(
    [FromForm(Name = "file")] IFormFile File,
    [FromForm(Name = "metadata")] string? Metadata,
    [FromForm(Name = "title")] string? Title);
