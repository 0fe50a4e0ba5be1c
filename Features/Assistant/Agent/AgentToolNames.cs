namespace VoiceHelper.Assistant.Agent;

/// <summary>The built-in tools; an MCP server's tools are named <c>&lt;server&gt;__&lt;tool&gt;</c>.</summary>
public static class AgentToolNames
{
    public const string KnowledgeSearch = "knowledge_search";
    public const string Calculator = "calculator";
    public const string HttpGet = "http_get";
    public const string CurrentTime = "current_time";
    public const string McpSeparator = "__";

    public static readonly string[] BuiltIn = [KnowledgeSearch, Calculator, HttpGet, CurrentTime];
}
