using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.ListDocuments;

/// <summary>A page of one knowledge base's documents; <see cref="Status"/> null or empty means every status.</summary>
public sealed record ListDocumentsRequest(Guid KnowledgeBaseId, int Page, int PageSize, string? Status)
    : IRequest<Result<PageResponse<DocumentResponse>>>, IPageRequest;
