using VoiceHelper.Contracts.Api;
using VoiceHelper.Ai.Text;

namespace VoiceHelper.Assistant.QueryRag;

/// <summary>
/// Rules, not a model: greetings and thanks are chit-chat, requests a support desk does not serve (poems, jokes,
/// weather, news) are out of scope, "how do I"/"怎么" are how-to, the rest factual. Chit-chat and out-of-scope
/// are answered without retrieval. Complexity counts content terms and joined sub-questions.
/// </summary>
public static class QueryRagClassifier
{
    private static readonly string[] ChitChat =
    [
        "hi", "hello", "hey", "good morning", "good afternoon", "good evening", "thanks", "thank you", "thx", "bye",
        "goodbye", "how are you", "who are you", "what is your name", "what's your name", "nice to meet you", "ok", "okay",
        "你好", "您好", "谢谢", "多谢", "再见", "早上好", "晚上好", "你是谁", "拜拜",
    ];

    private static readonly string[] OutOfScope =
    [
        "poem", "joke", "weather", "stock price", "lottery", "horoscope", "who won", "election", "president", "recipe",
        "write a song", "write me a story", "bitcoin price", "football score",
        "写一首诗", "讲个笑话", "笑话", "天气", "股票", "彩票", "星座", "选举", "菜谱",
    ];

    private static readonly string[] HowTo =
    [
        "how do i", "how can i", "how to", "how should i", "how do you", "how does one", "steps to", "what are the steps",
        "way to", "instructions", "怎么", "如何", "怎样", "步骤", "方法",
    ];

    public static RagQueryClassification Classify(string query)
    {
        var text = query.Trim().ToLowerInvariant();
        var chinese = TextTokenizer.IsMostlyChinese(text);
        var language = chinese ? "zh" : "en";
        var terms = TextTokenizer.Tokenize(text);
        var bare = text.TrimEnd('!', '.', '?', '！', '。', '？', ' ');
        var complexity = Complexity(text, terms.Count);

        if (ChitChat.Any(p => bare == p || bare.StartsWith(p + " ", StringComparison.Ordinal) && terms.Count <= 2 || chinese && bare.StartsWith(p, StringComparison.Ordinal) && bare.Length <= p.Length + 3))
        {
            return new(RagQueryType.ChitChat, RagQueryComplexity.Simple, language, 0.9, true);
        }
        if (terms.Count == 0)
        {
            return new(RagQueryType.ChitChat, RagQueryComplexity.Simple, language, 0.6, true);
        }
        if (OutOfScope.Any(p => Contains(text, p)))
        {
            return new(RagQueryType.OutOfScope, complexity, language, 0.75, true);
        }
        if (HowTo.Any(p => chinese ? text.Contains(p, StringComparison.Ordinal) : text.StartsWith(p, StringComparison.Ordinal) || Contains(text, p)))
        {
            return new(RagQueryType.HowTo, complexity, language, 0.8, false);
        }
        return new(RagQueryType.Factual, complexity, language, 0.7, false);
    }

    /// <summary>The canned reply for a question that skips retrieval, in the question's language.</summary>
    public static string Reply(RagQueryClassification classification) => (classification.Type, classification.Language) switch
    {
        (RagQueryType.ChitChat, "zh") => "您好！请问有什么可以帮您？您可以问我关于产品和服务的问题。",
        (RagQueryType.ChitChat, _) => "Hello! How can I help you? Ask me anything about our products and services.",
        (_, "zh") => "抱歉，这个问题超出了我的服务范围。我可以回答关于产品和服务的问题。",
        _ => "Sorry, that is outside what I can help with. I can answer questions about our products and services.",
    };

    private static RagQueryComplexity Complexity(string text, int termCount)
    {
        var parts = 1 + CountOf(text, " and ") + CountOf(text, "?") - (text.EndsWith('?') ? 1 : 0) + CountOf(text, "；") + CountOf(text, "以及");
        var comparison = Contains(text, "compare") || Contains(text, "difference") || Contains(text, "versus") || text.Contains(" vs", StringComparison.Ordinal)
            || text.Contains("区别", StringComparison.Ordinal) || text.Contains("比较", StringComparison.Ordinal);
        if (comparison || parts >= 3 || termCount > 14)
        {
            return RagQueryComplexity.Complex;
        }
        return parts == 2 || termCount > 7 ? RagQueryComplexity.Moderate : RagQueryComplexity.Simple;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    /// <summary>Whole-word containment for English phrases ("ok" must not match "book"); plain for Chinese.</summary>
    private static bool Contains(string text, string phrase)
    {
        if (TextTokenizer.IsCjk(phrase[0]))
        {
            return text.Contains(phrase, StringComparison.Ordinal);
        }
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            var end = i + phrase.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]) || text[end] == 's';
            if (before && after)
            {
                return true;
            }
        }
        return false;
    }
}
