using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Tests.Text;

public sealed class TextTokenizerTests
{
    [Fact]
    public void English_is_lower_cased_stemmed_and_stop_words_dropped()
    {
        TextTokenizer.Tokenize("The Routers are CONNECTING to the network").ShouldBe(["router", "connect", "network"]);
    }

    [Fact]
    public void Chinese_becomes_unigrams_and_bigrams()
    {
        TextTokenizer.Tokenize("退货政策").ShouldBe(["退", "退货", "货", "货政", "政", "政策", "策"]);
    }

    [Fact]
    public void Mixed_text_splits_at_script_changes()
    {
        TextTokenizer.Tokenize("iPhone15退货").ShouldBe(["iphone15", "退", "退货", "货"]);
    }

    [Fact]
    public void Token_count_counts_words_and_cjk_characters()
    {
        TextTokenizer.CountTokens("Hello world, 你好").ShouldBe(4);
    }

    [Theory]
    [InlineData("connections", "connect")]
    [InlineData("connected", "connect")]
    [InlineData("connecting", "connect")]
    [InlineData("ponies", "poni")]
    [InlineData("caresses", "caress")]
    [InlineData("relational", "relat")]
    [InlineData("hopping", "hop")]
    [InlineData("agreed", "agre")]
    [InlineData("routing", "rout")]
    [InlineData("route", "rout")]
    [InlineData("xq7731", "xq7731")]
    public void Porter_style_stemming_merges_inflections(string word, string stem)
    {
        PorterStemmer.Stem(word).ShouldBe(stem);
    }
}
