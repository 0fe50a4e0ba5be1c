namespace VoiceHelper.Identity.GetOpenIdConfiguration;

/// <summary>The part of an OpenID provider's metadata that token validation reads; snake_case names are the standard's.</summary>
public sealed record GetOpenIdConfigurationResponse(string Issuer, Uri JwksUri, IReadOnlyList<string> IdTokenSigningAlgValuesSupported);
