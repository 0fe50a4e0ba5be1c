using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.DeleteModel;

public sealed record DeleteModelRequest(Guid Id) : IRequest<Result>;
