namespace VoiceHelper.Assistant.Models;

public sealed record RoutedAnswer(
    string Text,
    ChatModel Model,
    bool FallbackUsed,
    long InputTokens,
    long OutputTokens,
    IReadOnlyList<ModelFailure> Failures)
{
    public decimal CostUsd => Model.Options.Cost(InputTokens, OutputTokens);
}
