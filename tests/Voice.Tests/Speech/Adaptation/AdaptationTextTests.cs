using VoiceHelper.Voice.Speech.Adaptation;

namespace VoiceHelper.Voice.Tests.Speech.Adaptation;

/// <summary>The pure parts of a build: spoken words, espeak-ng phonemes as CMU phones, the Witten-Bell model.</summary>
public sealed class AdaptationTextTests
{
    [Fact]
    public void Names_are_split_into_the_words_a_caller_says_and_symbols_and_numbers_are_dropped()
    {
        SpokenText.Words("Run pg_dump --schema-only (v2) on db01, it's fast.").ShouldBe(["run", "pg", "dump", "schema", "only", "on", "it's", "fast"]);
        SpokenText.Sentences("First one. Second: two words\n\nThird").Select(s => string.Join(' ', s)).ShouldBe(["first one", "second", "two words", "third"]);
    }

    [Theory]
    [InlineData("v'akju:md,i:bi:", "V AE K Y UW M D IY B IY")]
    [InlineData("dZ'3:nalkt@L", "JH ER N AE L K T AH L")]
    [InlineData("'EndZIn ,Eks", "EH N JH IH N EH K S")]
    public void Espeak_phonemes_become_cmu_phones(string espeak, string cmu) => EspeakPhonemes.ToCmu(espeak).ShouldBe(cmu);

    [Theory]
    [InlineData("pg", "P IY JH IY")]
    [InlineData("initdb", "IH N IH T D IY B IY")]
    [InlineData("createdb", "K R IY EY T D IY B IY")]
    [InlineData("isready", "IH Z R EH D IY")]
    public void New_words_are_also_spelled_and_split_into_the_words_they_are_made_of(string word, string variant) =>
        PronunciationVariants.For(word, "X", Letters).ShouldContain(variant);

    [Fact]
    public void A_word_of_no_known_parts_has_no_variant_and_the_primary_pronunciation_is_not_repeated()
    {
        PronunciationVariants.For("zentrik", null, Letters).ShouldBeEmpty();
        PronunciationVariants.For("pg", "P IY JH IY", Letters).ShouldBeEmpty();
    }

    private static readonly Dictionary<string, string> Letters = new()
    {
        ["b"] = "B IY", ["d"] = "D IY", ["g"] = "JH IY", ["p"] = "P IY", ["init"] = "IH N IH T", ["is"] = "IH Z", ["ready"] = "R EH D IY",
        ["create"] = "K R IY EY T", ["created"] = "K R IY EY T IH D",
    };

    [Fact]
    public void The_language_model_is_a_proper_distribution_after_every_history()
    {
        string[][] sentences = [["pair", "the", "hub"], ["reset", "the", "hub"], ["pair", "the", "router"]];
        var arpa = Parse(ArpaLanguageModel.ToArpa(sentences));
        string[] vocabulary = ["pair", "the", "hub", "reset", "router", "</s>"];
        foreach (var history in new[] { new[] { "<s>" }, ["the"], ["pair", "the"], ["<s>", "pair"], ["hub"] })
        {
            vocabulary.Sum(w => Math.Pow(10, Probability(arpa, history, w))).ShouldBe(1.0, 1e-3, string.Join(' ', history));
        }

        // Seen continuations are likelier than unseen ones.
        Probability(arpa, ["pair", "the"], "hub").ShouldBeGreaterThan(Probability(arpa, ["pair", "the"], "reset"));
    }

    private static Dictionary<string, (double Log, double BackOff)> Parse(string arpa) =>
        arpa.Split('\n').Select(l => l.Split('\t')).Where(p => p.Length >= 2 && double.TryParse(p[0], System.Globalization.CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[1], p => (double.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
                p.Length > 2 ? double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture) : 0));

    /// <summary>Back-off lookup, as a decoder does it (log10).</summary>
    private static double Probability(Dictionary<string, (double Log, double BackOff)> arpa, string[] history, string word)
    {
        var key = string.Join(' ', history.Append(word));
        if (arpa.TryGetValue(key, out var entry))
        {
            return entry.Log;
        }

        var backOff = arpa.TryGetValue(string.Join(' ', history), out var h) ? h.BackOff : 0;
        return backOff + (history.Length == 1 ? arpa[word].Log : Probability(arpa, history[1..], word));
    }
}
