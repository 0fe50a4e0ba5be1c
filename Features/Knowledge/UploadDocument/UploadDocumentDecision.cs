using System.Security.Cryptography;
using System.Text.Json;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.UploadDocument;

/// <summary>What an upload is, decided from its bytes alone.</summary>
public sealed record UploadDocumentDecision(string ContentType, string Sha256, string Metadata, string Title)
{
    public static Result<UploadDocumentDecision> Decide(UploadDocumentRequest request)
    {
        if (request.Content.Length == 0)
        {
            return KnowledgeErrors.EmptyFile;
        }
        if (ContentSniffer.Detect(request.Content) is not { } contentType)
        {
            return KnowledgeErrors.UnsupportedType;
        }
        string metadata;
        try
        {
            using var parsed = JsonDocument.Parse(string.IsNullOrWhiteSpace(request.Metadata) ? "{}" : request.Metadata);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return KnowledgeErrors.InvalidMetadata;
            }
            metadata = parsed.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return KnowledgeErrors.InvalidMetadata;
        }
        var title = string.IsNullOrWhiteSpace(request.Title) ? Path.GetFileNameWithoutExtension(request.FileName) : request.Title.Trim();
        return new UploadDocumentDecision(contentType, Convert.ToHexStringLower(SHA256.HashData(request.Content)), metadata,
            string.IsNullOrEmpty(title) ? request.FileName : title);
    }
}
