using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Redis 7 with a password and an append-only file, so acknowledged writes survive a restart.</summary>
public sealed class RedisResource : Resource, IResourceWithConnectionString
{
    public const string Image = "docker.io/library/redis";
    public const string ImageTag = "7.0";

    private readonly string _dataDirectory;

    public RedisResource(string name, ParameterResource password, string dataDirectory) : base(name)
    {
        Password = password;
        _dataDirectory = Path.Combine(dataDirectory, name);
        Tcp = new Endpoint("tcp", 6379);
    }

    public ParameterResource Password { get; }
    public Endpoint Tcp { get; }

    public string LocalConnectionString => $"127.0.0.1:{Tcp.Port},password={Password.Value}";

    public string ManifestConnectionExpression =>
        $"{{{Name}.bindings.tcp.host}}:{{{Name}.bindings.tcp.port}},password={{{Password.Name}.value}}";

    public override Task<LaunchSpec> PrepareAsync(AppModel model, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_dataDirectory);
        var port = Tcp.Port.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(new LaunchSpec(HostTools.Require("redis-server"),
            ["--bind", "127.0.0.1", "--port", port, "--dir", _dataDirectory, "--appendonly", "yes", "--requirepass", Password.Value,
             "--daemonize", "no", "--logfile", ""],
            _dataDirectory, new Dictionary<string, string>()));
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Tcp.Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {Password.Value}\r\nPING\r\n"), cancellationToken);
            var buffer = new byte[64];
            var text = new StringBuilder();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            while (!text.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return false;
                }
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
