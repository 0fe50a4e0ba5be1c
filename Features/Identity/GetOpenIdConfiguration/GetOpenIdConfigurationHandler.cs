using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.GetOpenIdConfiguration;

public sealed class GetOpenIdConfigurationHandler(IOptions<JwtOptions> jwt)
    : IRequestHandler<GetOpenIdConfigurationRequest, GetOpenIdConfigurationResponse>
{
    public Task<GetOpenIdConfigurationResponse> Handle(GetOpenIdConfigurationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new GetOpenIdConfigurationResponse(
            jwt.Value.Issuer, new Uri(request.BaseAddress, ".well-known/jwks.json"), [SecurityAlgorithms.RsaSha256]));
}
