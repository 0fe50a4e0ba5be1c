using VoiceHelper.Ai.Text;

namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Counts tokens the way budgets need them: the shared estimate (<see cref="TokenEstimate"/>) plus a small fixed cost
/// each message pays for its role framing.
/// </summary>
public static class TokenEstimator
{
    public const int PerMessageOverhead = 4;

    public static int Count(string text) => PerMessageOverhead + TokenEstimate.Count(text);
}
