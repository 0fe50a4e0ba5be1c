using MediatR;

namespace VoiceHelper.Identity.GetJwks;

public sealed record GetJwksRequest : IRequest<GetJwksResponse>;
