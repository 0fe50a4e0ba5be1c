using Microsoft.Extensions.AI;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// One tool the agent may call: an <see cref="AIFunction"/> (name, description, JSON-schema parameters, invocation),
/// the same shape for built-in tools and an MCP server's tools, and how long its results may be reused for the tenant
/// (null: never, e.g. the current time).
/// </summary>
public sealed record AgentTool(AIFunction Function, TimeSpan? CacheFor)
{
    public string Name => Function.Name;
}
