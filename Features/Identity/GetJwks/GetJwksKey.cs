namespace VoiceHelper.Identity.GetJwks;

/// <summary>An RFC 7517 RSA public key. The member names are already the JWK's (single lower-case words).</summary>
public sealed record GetJwksKey(string Kty, string Use, string Alg, string Kid, string N, string E);
