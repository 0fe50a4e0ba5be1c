extern alias console;
using console::VoiceHelper.Console.ManageDocuments;

namespace VoiceHelper.Console.Tests.ManageDocuments;

public sealed class HighlightTests
{
    [Fact]
    public void Marks_every_query_word_whatever_its_case_and_keeps_the_text_whole()
    {
        var runs = Highlight.Split("Refunds take five days; a refund is final.", "refund DAYS");

        string.Concat(runs.Select(r => r.Text)).ShouldBe("Refunds take five days; a refund is final.");
        runs.Where(r => r.Hit).Select(r => r.Text).ShouldBe(["Refund", "days", "refund"]);
    }

    [Fact]
    public void Marks_each_Han_character_of_a_Chinese_query_and_ignores_one_letter_words()
    {
        var runs = Highlight.Split("退货运费由买家承担", "运费 a");

        runs.Where(r => r.Hit).Select(r => r.Text).ShouldBe(["运", "费"]);
    }

    [Fact]
    public void A_query_of_punctuation_marks_nothing()
    {
        Highlight.Split("Nothing to see.", "?!").ShouldBe([("Nothing to see.", false)]);
    }
}
