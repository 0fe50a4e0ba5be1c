using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetDocument;

public sealed record GetDocumentRequest(Guid Id) : IRequest<Result<DocumentResponse>>;
