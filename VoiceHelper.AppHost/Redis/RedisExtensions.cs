using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.Redis;

/// <summary>
/// Redis 7 with a password and an append-only file, so acknowledged writes survive a restart: the Debian server
/// when run here, the redis image when published.
/// </summary>
public static class RedisExtensions
{
    public const string EndpointName = "tcp";
    public const string Image = "library/redis";
    public const string ImageTag = "7.0";

    public static IResourceBuilder<IRedisServer> AddRedisWithPassword(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddSecret($"{name}-password");
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddResource(new RedisServerContainerResource(name, password.Resource))
                .WithImage(Image, ImageTag)
                .WithEndpoint(targetPort: 6379, name: EndpointName, scheme: "tcp")
                .WithEntrypoint("/bin/sh")
                .WithArgs("-c", "redis-server --requirepass $REDIS_PASSWORD --appendonly yes --dir /data")
                .WithEnvironment("REDIS_PASSWORD", password)
                .WithVolume($"voicehelper-{name}-data", "/data");
        }

        SingleInstance.Claim(builder);
        var folder = Path.Combine(builder.DataDirectory(), name);
        Directory.CreateDirectory(folder);
        var server = new RedisServerResource(name, folder, password.Resource);
        var healthKey = $"{name}-answers-ping";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async ct => await AnswersPing(server, ct));
        return builder.AddResource(server)
            .WithEndpoint(name: EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(server.Tcp.Property(EndpointProperty.TargetPort));
                context.Args.Add("--dir");
                context.Args.Add(folder);
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--requirepass");
                context.Args.Add(password.Resource);
                context.Args.Add("--daemonize");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthKey);
    }

    internal static ReferenceExpression ConnectionString(EndpointReference tcp, ParameterResource password) =>
        ReferenceExpression.Create($"{tcp.Property(EndpointProperty.HostAndPort)},password={password}");

    /// <summary>AUTH then PING over the wire protocol: Aspire.Hosting has no Redis client and one reply is all we need.</summary>
    private static async Task<HealthCheckResult> AnswersPing(RedisServerResource server, CancellationToken ct)
    {
        try
        {
            var password = await server.Password.GetValueAsync(ct);
            using var client = new TcpClient();
            await client.ConnectAsync(server.Tcp.Host, server.Tcp.Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"), ct);
            var buffer = new byte[256];
            var text = new StringBuilder();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            while (!text.ToString().Contains("PONG", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return HealthCheckResult.Unhealthy($"Redis closed the connection: {text}");
                }
                text.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
