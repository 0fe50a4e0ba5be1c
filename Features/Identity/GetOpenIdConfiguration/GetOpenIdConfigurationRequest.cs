using MediatR;

namespace VoiceHelper.Identity.GetOpenIdConfiguration;

/// <param name="BaseAddress">Identity as the caller reached it, so the keys are fetched the same way.</param>
public sealed record GetOpenIdConfigurationRequest(Uri BaseAddress) : IRequest<GetOpenIdConfigurationResponse>;
