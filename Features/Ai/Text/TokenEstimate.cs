namespace VoiceHelper.Ai.Text;

/// <summary>
/// Model token counts where no tokenizer is at hand (the embedded answerer, context budgets): fast, deterministic and
/// never far below a real tokenizer. English BPE averages about four characters a token; a CJK character (<see
/// cref="TextTokenizer.IsCjk"/>) is about one token.
/// </summary>
public static class TokenEstimate
{
    public static int Count(string text)
    {
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (TextTokenizer.IsCjk(c))
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }
        return cjk + (other + 3) / 4;
    }
}
