using VoiceHelper.Ai.Reranking;

namespace VoiceHelper.Ai.Tests.Reranking;

public sealed class LexicalRerankerTests
{
    [Fact]
    public void The_passage_whose_sentence_answers_the_question_moves_ahead_of_one_that_only_repeats_its_words()
    {
        string[] passages =
        [
            "Password tips. A password should be long. Never share a password. Password managers store each password safely.",
            "Account access. To reset your password, open Settings, choose Security and click Reset password.",
            "Shipping takes 3 to 5 business days.",
        ];

        var ranked = LexicalReranker.Rank("How do I reset my password?", passages, 3);

        ranked[0].Index.ShouldBe(1);
        ranked[^1].Index.ShouldBe(2);
    }

    [Fact]
    public void Chinese_questions_are_reranked_by_character_bigrams()
    {
        string[] passages = ["发票可以在订单页面下载。", "退款将在14天内退回原支付方式。"];

        LexicalReranker.Rank("退款什么时候到账", passages, 2)[0].Index.ShouldBe(1);
    }
}
