namespace VoiceHelper.Assistant.Models;

/// <summary>One step of a routed answer: a <see cref="Delta"/> of text, or, last, the complete <see cref="Answer"/>.</summary>
public sealed record RoutedUpdate(string? Delta, RoutedAnswer? Answer);
