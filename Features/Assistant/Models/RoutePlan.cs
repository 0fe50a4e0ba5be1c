using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Models;

/// <summary>
/// One request's routing: the chain to walk (the decision's order), the answer's token cap, the strategy applied,
/// the A/B test and variant the caller is in (if a test runs), and the budget it was admitted under.
/// </summary>
public sealed record RoutePlan(
    IReadOnlyList<ChatModel> Chain,
    int MaxOutputTokens,
    string? Strategy,
    Guid? AbTestId,
    AbTestVariant? Variant,
    BudgetState Budget,
    BudgetReservation? Reservation)
{
    public ChatModel Primary => Chain[0];
}
