using MediatR;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Tests;

internal sealed class EchoHandler : IRequestHandler<EchoRequest, Result<EchoBody>>
{
    public Task<Result<EchoBody>> Handle(EchoRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<Result<EchoBody>>(request.Name == "missing"
            ? Error.NotFound("echo")
            : new EchoBody(request.Name.ToUpperInvariant(), request.Count));
}
