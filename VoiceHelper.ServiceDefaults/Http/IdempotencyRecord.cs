namespace VoiceHelper.ServiceDefaults.Http;

/// <summary>What Redis keeps per Idempotency-Key: the request fingerprint and, once finished, the response.</summary>
internal sealed record IdempotencyRecord(string Fingerprint, bool Completed, int Status = 0, string? ContentType = null, string? Body = null, string? Location = null);
