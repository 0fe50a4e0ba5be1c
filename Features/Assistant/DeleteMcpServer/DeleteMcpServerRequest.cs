using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.DeleteMcpServer;

public sealed record DeleteMcpServerRequest(Guid Id) : IRequest<Result>;
