using System.Globalization;
using System.Text.RegularExpressions;
using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.ExecuteAgent;

/// <summary>
/// The agent without a chat model: recognises the common task shapes (look up a figure then compute with it; look up two
/// facts then compare them; plain arithmetic; the time; fetching a URL) by their wording, and says plainly when a task
/// is none of them. Pure: tests call it directly.
/// </summary>
public static partial class ExecuteAgentPlanner
{
    public const string Capabilities = "Without a chat model the agent carries out only these shapes of task: look up a figure and "
        + "compute with it (\"look up the express shipping fee and multiply it by 3\"), look up two facts and compare them "
        + "(\"compare the standard and the express shipping fee\"), arithmetic (\"what is 17 * 23\"), the current time, and "
        + "fetching an allow-listed URL. Configure a chat model (Ai:Chat) for other tasks.";

    public static ExecuteAgentPlan Plan(string task, IReadOnlyCollection<string> tools)
    {
        var text = task.Trim();
        ExecuteAgentPlan plan;
        if (UrlPattern().Match(text) is { Success: true } url && FetchVerb().IsMatch(text))
        {
            plan = new(ExecuteAgentShape.Fetch, [$"{AgentToolNames.HttpGet}: {url.Value}"], [], Url: url.Value.TrimEnd('.', ',', ')'));
        }
        else if (TimeQuestion().IsMatch(text))
        {
            plan = new(ExecuteAgentShape.CurrentTime, [$"{AgentToolNames.CurrentTime}"], []);
        }
        else if (Compare(text) is { } compare)
        {
            plan = compare;
        }
        else if (Compute(text) is { } compute)
        {
            plan = compute;
        }
        else
        {
            return new(ExecuteAgentShape.Unsupported, [], [], Refusal: "This task is not one of those shapes, so nothing was run. " + Capabilities);
        }
        var missing = Needed(plan).Where(t => !tools.Contains(t)).ToList();
        return missing.Count == 0 ? plan : new(ExecuteAgentShape.Unsupported, plan.Plan, plan.Lookups,
            Refusal: $"This task needs the tool(s) {string.Join(", ", missing)}, which the request did not allow; nothing was run.");
    }

    private static IEnumerable<string> Needed(ExecuteAgentPlan plan) => plan.Shape switch
    {
        ExecuteAgentShape.Fetch => [AgentToolNames.HttpGet],
        ExecuteAgentShape.CurrentTime => [AgentToolNames.CurrentTime],
        ExecuteAgentShape.Compute => [AgentToolNames.Calculator],
        ExecuteAgentShape.LookupThenCompute => [AgentToolNames.KnowledgeSearch, AgentToolNames.Calculator],
        _ => [AgentToolNames.KnowledgeSearch],
    };

    private static ExecuteAgentPlan? Compare(string text)
    {
        var match = CompareVerb().Match(text) is { Success: true } m1 ? m1
            : WhichQuestion().Match(text) is { Success: true } m2 ? m2
            : Versus().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var a = Lookup(match.Groups["a"].Value);
        var b = Lookup(match.Groups["b"].Value);
        // "compare the standard and the express shipping fee": the shared noun belongs to both sides.
        var bWords = b.Split(' ');
        if (!a.Contains(' ') && bWords.Length > 1)
        {
            a = $"{a} {string.Join(' ', bWords[1..])}";
        }
        return a.Length == 0 || b.Length == 0 ? null : new(ExecuteAgentShape.LookupAndCompare,
            [$"{AgentToolNames.KnowledgeSearch}: {a}", $"{AgentToolNames.KnowledgeSearch}: {b}", "compare the two facts (calculator when both are figures)"],
            [a, b]);
    }

    private static ExecuteAgentPlan? Compute(string text)
    {
        if (Percent().Match(text) is { Success: true } percent)
        {
            var lookup = Lookup(percent.Groups["lookup"].Value);
            return LookupThenCompute(lookup, $"{{0}} * {percent.Groups["n"].Value} / 100");
        }
        if (Operation().Match(text) is { Success: true } operation)
        {
            var lookup = Lookup(operation.Groups["lookup"].Value);
            var op = Operator(operation.Groups["op"].Value);
            var n = operation.Groups["n"].Value;
            if (decimal.TryParse(lookup, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                var expression = $"{lookup} {op} {n}";
                return new(ExecuteAgentShape.Compute, [$"{AgentToolNames.Calculator}: {expression}"], [], Expression: expression);
            }
            var reversed = operation.Groups["op"].Value.StartsWith("subtract", StringComparison.OrdinalIgnoreCase)
                && operation.Groups["rest"].Value.TrimStart().StartsWith("from", StringComparison.OrdinalIgnoreCase);
            return LookupThenCompute(lookup, reversed ? $"{n} - {{0}}" : $"{{0}} {op} {n}");
        }
        var arithmetic = Lookup(text);
        return ArithmeticOnly().IsMatch(arithmetic) && arithmetic.Any(c => c is '+' or '-' or '*' or '/' or '%')
            ? new(ExecuteAgentShape.Compute, [$"{AgentToolNames.Calculator}: {arithmetic}"], [], Expression: arithmetic)
            : null;
    }

    private static ExecuteAgentPlan? LookupThenCompute(string lookup, string expression) =>
        lookup.Length == 0 ? null : new(ExecuteAgentShape.LookupThenCompute,
            [$"{AgentToolNames.KnowledgeSearch}: {lookup}", $"{AgentToolNames.Calculator}: {string.Format(CultureInfo.InvariantCulture, expression, $"<{lookup}>")}"],
            [lookup], Expression: expression);

    private static string Operator(string phrase) => phrase.ToLowerInvariant() switch
    {
        var p when p.StartsWith("multipl", StringComparison.Ordinal) || p == "times" => "*",
        var p when p.StartsWith("divide", StringComparison.Ordinal) => "/",
        "plus" or "add" => "+",
        _ => "-",
    };

    /// <summary>The thing to look up, without the request's wording around it.</summary>
    public static string Lookup(string phrase)
    {
        var text = LeadingAsk().Replace(phrase.Trim(), "");
        text = LeadingArticle().Replace(text, "");
        text = TrailingPunctuation().Replace(text, "");
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\b(fetch|get|download|open|read|retrieve|load)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FetchVerb();

    [GeneratedRegex(@"\b(what time|current time|time is it|time now|today's date|what day is|current date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"^(?:please\s+)?compare\s+(?<a>.+?)\s+(?:and|with|to|against|vs\.?|versus)\s+(?<b>.+?)[\s?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex CompareVerb();

    [GeneratedRegex(@"^(?:which|what)\s+(?:is|costs?|takes?)\s+(?:\w+(?:er)?|more|less|the\s+\w+)[,:]?\s+(?<a>.+?)\s+or\s+(?<b>.+?)[\s?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhichQuestion();

    [GeneratedRegex(@"^(?<a>.+?)\s+(?:vs\.?|versus)\s+(?<b>.+?)[\s?.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Versus();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\s+(?<lookup>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    [GeneratedRegex(@"^(?<lookup>.+?)[\s,;]+(?:(?:and|then)\s+)*(?<op>multiply(?:\s+(?:it|that|this|the\s+result))?\s+by|multiplied\s+by|times|divide(?:\s+(?:it|that|this|the\s+result))?\s+by|divided\s+by|plus|add|minus|subtract|less)\s+(?<n>-?\d+(?:\.\d+)?)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Operation();

    [GeneratedRegex(@"^[\d\s+\-*/().,%]+$")]
    private static partial Regex ArithmeticOnly();

    [GeneratedRegex(@"^(?:please\s+)?(?:(?:look\s+up|find(?:\s+out)?|get|search(?:\s+for)?|check|tell\s+me|calculate|compute|evaluate|what\s+is|what's|how\s+much\s+is|how\s+much\s+does|how\s+long\s+is|how\s+long\s+does)\s+)+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAsk();

    [GeneratedRegex(@"^the\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingArticle();

    [GeneratedRegex(@"[\s?.!,;:=]+$")]
    private static partial Regex TrailingPunctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
