using MediatR;
using VoiceHelper.Identity.Common;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Identity.Logout;

/// <param name="TokenId">The <c>jti</c> of the access token presented.</param>
/// <param name="ExpiresAt">Its <c>exp</c>: the revocation must outlive it.</param>
public sealed record LogoutRequest(string TokenId, DateTimeOffset ExpiresAt, RequestOrigin Origin) : IRequest<Result<bool>>;
