using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.Agent;

/// <summary>The agent's expected failures; the codes are part of the API.</summary>
public static class AgentErrors
{
    public static Error UnknownTool(IEnumerable<string> names) => Error.Invalid("unknown_tool",
        $"No such tool: {string.Join(", ", names)}. Built-in tools are {string.Join(", ", AgentToolNames.BuiltIn)}; "
        + "an MCP server's tools are named <server>__<tool>.");

    public static Error McpServerUnavailable(string name, string why) => new("mcp_server_unavailable", 503,
        $"The MCP server '{name}' could not be used: {why}");

    public static readonly Error TaskNotFound = Error.NotFound("agent_task");

    public static readonly Error McpServerNotFound = Error.NotFound("mcp_server");

    public static readonly Error McpServerExists = Error.Conflict("mcp_server_exists", "An MCP server with this name is already registered.");

    public static Error HostNotAllowed(string host) => Error.Invalid("host_not_allowed",
        $"'{host}' is not on the agent's allow-list; add it with PUT /api/v1/agent/allow-list first.");
}
