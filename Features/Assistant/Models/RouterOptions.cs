using System.ComponentModel.DataAnnotations;

namespace VoiceHelper.Assistant.Models;

/// <summary><c>Router</c>: the answer's token caps the routing and the budget use.</summary>
public sealed class RouterOptions
{
    public const string Section = "Router";

    /// <summary>The answer's cap (max_tokens), also what a request's cost is estimated with.</summary>
    [Range(16, 100_000)] public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>The cap past the soft budget limit.</summary>
    [Range(16, 100_000)] public int SoftLimitMaxOutputTokens { get; set; } = 256;
}
