using MediatR;
using VoiceHelper.Assistant.Agent;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.Assistant.RegisterMcpServer;

/// <param name="Name">Prefixes the server's tools: <c>&lt;name&gt;__&lt;tool&gt;</c>.</param>
/// <param name="Url">The server's streamable-HTTP endpoint; its host must be on the agent's allow-list.</param>
public sealed record RegisterMcpServerRequest(string? Name, string? Url) : IRequest<Result<AgentMcpServerResponse>>;
