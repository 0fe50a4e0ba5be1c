namespace VoiceHelper.Assistant.Common;

/// <summary>
/// An admitted request's hold on the budget: its estimated cost, already in the counter, replaced by the real cost
/// when it is settled. <see cref="Key"/> is null when Redis was not available (nothing to settle).
/// </summary>
public sealed record BudgetReservation(string? Key, long ReservedNanoUsd);
