using VoiceHelper.Ai.Text;

namespace VoiceHelper.Ai.Tests.Text;

public sealed class SentencesTests
{
    [Fact]
    public void Chinese_sentence_punctuation_splits_without_spaces()
    {
        Sentences.Split("收到商品后七天内可以申请退货。退款将在五个工作日内退回！真的吗？是的").ShouldBe(
            ["收到商品后七天内可以申请退货。", "退款将在五个工作日内退回！", "真的吗？", "是的"]);
    }

    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_sentences()
    {
        Sentences.Split("Ask J. Smith about it. Then leave.").ShouldBe(["Ask J. Smith about it.", "Then leave."]);
        Sentences.Split("Use a hub, e.g. the v2.1 model. It pairs fast.").ShouldBe(["Use a hub, e.g. the v2.1 model.", "It pairs fast."]);
    }

    [Fact]
    public void Line_breaks_and_runs_of_end_marks_end_a_sentence_once()
    {
        Sentences.Split("- Reset the hub\nReally?! Yes！！好的?是的").ShouldBe(["- Reset the hub", "Really?!", "Yes！！", "好的?", "是的"]);
    }
}
