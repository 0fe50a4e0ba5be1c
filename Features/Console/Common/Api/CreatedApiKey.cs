namespace VoiceHelper.Console.Common.Api;

/// <summary>A new API key; <see cref="Key"/> is the secret, in this answer only.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Prefix, string Key);
