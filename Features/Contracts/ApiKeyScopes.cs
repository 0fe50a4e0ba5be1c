namespace VoiceHelper.Contracts;

/// <summary>
/// What a tenant's API key may do. <see cref="Chat"/> and <see cref="Mcp"/> include <see cref="KnowledgeRead"/>: a grounded
/// answer reads the knowledge (the Assistant forwards the key to Knowledge's search), and its text reveals it anyway.
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>The OpenAI-compatible API (<c>/v1/chat/completions</c>, <c>/v1/models</c>).</summary>
    public const string Chat = "chat";

    /// <summary>Knowledge's search and the list of knowledge bases.</summary>
    public const string KnowledgeRead = "knowledge:read";

    /// <summary>VoiceHelper's MCP server (<c>/mcp</c>).</summary>
    public const string Mcp = "mcp";

    public static readonly IReadOnlyList<string> All = [Chat, KnowledgeRead, Mcp];

    /// <summary>Whether keys holding <paramref name="held"/> may do what <paramref name="required"/> names.</summary>
    public static bool Grants(IEnumerable<string> held, string required) =>
        held.Any(scope => scope == required || (required == KnowledgeRead && scope is Chat or Mcp));
}
