using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.StartAbTest;

public sealed record StartAbTestRequest(Guid Id) : IRequest<Result<AbTestView>>;
