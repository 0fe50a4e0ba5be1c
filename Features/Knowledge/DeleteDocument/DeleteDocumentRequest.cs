using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.DeleteDocument;

public sealed record DeleteDocumentRequest(Guid Id) : IRequest<Result>;
