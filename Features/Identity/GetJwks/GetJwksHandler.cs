using MediatR;
using Microsoft.IdentityModel.Tokens;
using VoiceHelper.Identity.RotateSigningKeys;

namespace VoiceHelper.Identity.GetJwks;

public sealed class GetJwksHandler(SigningKeyStore keys) : IRequestHandler<GetJwksRequest, GetJwksResponse>
{
    public Task<GetJwksResponse> Handle(GetJwksRequest request, CancellationToken cancellationToken)
    {
        var published = keys.PublishedKeys().Select(key =>
        {
            var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            return new GetJwksKey("RSA", "sig", SecurityAlgorithms.RsaSha256, key.KeyId,
                Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent));
        });
        return Task.FromResult(new GetJwksResponse(published.ToList()));
    }
}
