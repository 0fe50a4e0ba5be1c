namespace VoiceHelper.Conversations.Common;

/// <summary>
/// Counts tokens the way budgets need them: fast, deterministic and never far below a real tokeniser. English
/// BPE averages about four characters a token; CJK ideographs and kana are about one token each, so they are
/// counted one by one. Each message also pays a small fixed cost for its role framing.
/// </summary>
public static class TokenEstimator
{
    public const int PerMessageOverhead = 4;

    public static int Count(string text)
    {
        var cjk = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }
        return PerMessageOverhead + cjk + (other + 3) / 4;
    }

    private static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' // kana
            or >= '\u3400' and <= '\u4DBF' // CJK extension A
            or >= '\u4E00' and <= '\u9FFF' // CJK unified ideographs
            or >= '\uAC00' and <= '\uD7AF' // Hangul syllables
            or >= '\uF900' and <= '\uFAFF'; // compatibility ideographs
}
