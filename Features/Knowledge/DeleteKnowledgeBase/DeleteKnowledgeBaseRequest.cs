using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.DeleteKnowledgeBase;

public sealed record DeleteKnowledgeBaseRequest(Guid Id) : IRequest<Result>;
