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
    public void Chinese_function_characters_split_runs_so_no_bigram_straddles_one()
    {
        TextTokenizer.Tokenize("退款多久到账").ShouldBe(["退", "退款", "款", "到", "到账", "账"]);
    }

    [Fact]
    public void Question_words_are_not_content()
    {
        TextTokenizer.Tokenize("Please tell me how long a refund takes").ShouldBe(["refund", "take"]);
        TextTokenizer.Tokenize("Is it not covered?").ShouldBe(["not", "cover"]);
    }

    [Theory]
    [InlineData('退', true)]
    [InlineData('ひ', true)]
    [InlineData('カ', true)]
    [InlineData('한', true)]
    [InlineData('a', false)]
    [InlineData('。', false)]
    public void Cjk_is_han_kana_and_hangul(char c, bool cjk)
    {
        TextTokenizer.IsCjk(c).ShouldBe(cjk);
    }

    [Fact]
    public void Text_is_mostly_chinese_when_its_cjk_characters_outweigh_its_words()
    {
        TextTokenizer.IsMostlyChinese("退款多久到账？").ShouldBeTrue();
        TextTokenizer.IsMostlyChinese("How long does the iPhone 退款 take?").ShouldBeFalse();
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
