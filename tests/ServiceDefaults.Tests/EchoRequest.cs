using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Tests;

internal sealed record EchoRequest(string Name, int Count) : IRequest<Result<EchoBody>>;
