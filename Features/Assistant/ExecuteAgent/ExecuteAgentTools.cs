using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.ExecuteAgent;

public static class ExecuteAgentTools
{
    /// <summary>
    /// The requested names no tool can have (not built in, not of a registered MCP server), and the MCP servers to connect:
    /// every registered one when no tools are named, else those a named tool belongs to.
    /// </summary>
    public static (List<string> Unknown, HashSet<string> Servers) Resolve(IReadOnlyList<string>? requested, IReadOnlyList<string> servers)
    {
        if (requested is null)
        {
            return ([], servers.ToHashSet());
        }
        var unknown = new List<string>();
        var wanted = new HashSet<string>();
        foreach (var name in requested.Distinct())
        {
            if (AgentToolNames.BuiltIn.Contains(name))
            {
                continue;
            }
            var separator = name.IndexOf(AgentToolNames.McpSeparator, StringComparison.Ordinal);
            if (separator > 0 && servers.Contains(name[..separator]))
            {
                wanted.Add(name[..separator]);
                continue;
            }
            unknown.Add(name);
        }
        return (unknown, wanted);
    }
}
