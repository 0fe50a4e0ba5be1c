using ModelContextProtocol.Client;
using VoiceHelper.Assistant.Common;

namespace VoiceHelper.Assistant.Agent;

/// <summary>
/// The tenant's MCP servers for one run: each is connected over streamable HTTP through <see cref="TenantHttp"/>, so the
/// same allow-list and address checks as http_get apply to every request the MCP client sends, and its tools are
/// offered as <c>&lt;server&gt;__&lt;tool&gt;</c>. Disposing closes the sessions.
/// </summary>
public sealed class AgentMcpConnection : IAsyncDisposable
{
    public static readonly TimeSpan ResultCacheFor = TimeSpan.FromMinutes(1);

    private readonly List<McpClient> _clients = [];
    private readonly List<HttpClient> _http = [];

    public List<AgentTool> Tools { get; } = [];

    /// <summary>Servers that could not be reached or refused, with why.</summary>
    public Dictionary<string, string> Unavailable { get; } = [];

    public static async Task<AgentMcpConnection> ConnectAsync(IEnumerable<AgentMcpServer> servers, TenantNetworkPolicy policy,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var connection = new AgentMcpConnection();
        foreach (var server in servers)
        {
            var url = new Uri(server.Url);
            if (policy.Refusal(url) is { } refusal)
            {
                connection.Unavailable[server.Name] = refusal;
                continue;
            }
            var http = TenantHttp.CreateClient(policy, TimeSpan.FromSeconds(30));
            connection._http.Add(http);
            try
            {
                using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                connect.CancelAfter(TimeSpan.FromSeconds(10));
                var transport = new HttpClientTransport(new HttpClientTransportOptions
                {
                    Endpoint = url, Name = server.Name, TransportMode = HttpTransportMode.StreamableHttp,
                }, http, loggers, ownsHttpClient: false);
                var client = await McpClient.CreateAsync(transport, null, loggers, connect.Token);
                connection._clients.Add(client);
                foreach (var tool in await client.ListToolsAsync(cancellationToken: connect.Token))
                {
                    connection.Tools.Add(new AgentTool(tool.WithName(ToolName(server.Name, tool.Name)), ResultCacheFor));
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                connection.Unavailable[server.Name] = exception.Message;
            }
        }
        return connection;
    }

    /// <summary>The name the model sees: function names allow only letters, digits, _ and -, at most 64 of them.</summary>
    public static string ToolName(string server, string tool)
    {
        var name = server + AgentToolNames.McpSeparator + new string(tool.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_').ToArray());
        return name.Length <= 64 ? name : name[..64];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }
        foreach (var http in _http)
        {
            http.Dispose();
        }
    }
}
