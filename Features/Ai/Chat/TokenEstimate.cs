namespace VoiceHelper.Ai.Chat;

/// <summary>
/// Token counts where no tokenizer is at hand (the embedded answerer, context budgets): about four characters per
/// English token and one per Chinese character, which is what BPE vocabularies of chat models average.
/// </summary>
public static class TokenEstimate
{
    public static int Count(string text)
    {
        int cjk = 0, other = 0;
        foreach (var c in text)
        {
            if (TextTerms.IsCjk(c))
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
