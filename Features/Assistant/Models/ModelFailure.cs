namespace VoiceHelper.Assistant.Models;

/// <summary>Why a model in the chain did not answer: <c>circuit_open</c>, <c>timeout</c> or <c>error</c>.</summary>
public sealed record ModelFailure(string ModelId, string Reason, string? Detail);
