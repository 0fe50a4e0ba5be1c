namespace VoiceHelper.Identity.GetJwks;

public sealed record GetJwksResponse(IReadOnlyList<GetJwksKey> Keys);
