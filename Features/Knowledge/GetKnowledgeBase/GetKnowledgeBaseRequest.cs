using MediatR;
using VoiceHelper.Knowledge.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Knowledge.GetKnowledgeBase;

public sealed record GetKnowledgeBaseRequest(Guid Id) : IRequest<Result<KnowledgeBaseResponse>>;
