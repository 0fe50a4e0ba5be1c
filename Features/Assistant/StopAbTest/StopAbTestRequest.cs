using MediatR;
using VoiceHelper.Assistant.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.StopAbTest;

public sealed record StopAbTestRequest(Guid Id) : IRequest<Result<AbTestView>>;
