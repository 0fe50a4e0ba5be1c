using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.UploadDocument;

/// <summary>The file as received; its type is decided from <see cref="Content"/>, never from <see cref="FileName"/>.</summary>
public sealed record UploadDocumentRequest(Guid KnowledgeBaseId, string FileName, byte[] Content, string? Metadata, string? Title)
    : IRequest<Result<UploadDocumentResponse>>;
