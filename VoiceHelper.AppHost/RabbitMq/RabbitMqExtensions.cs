using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VoiceHelper.AppHost.Local;

namespace VoiceHelper.AppHost.RabbitMq;

/// <summary>
/// The one-machine event broker: Debian's rabbitmq-server (as the rabbitmq user when root, with its own epmd on a
/// free port so nothing outlives the run). A cluster uses Kafka instead (see <c>EventBusExtensions</c>).
/// </summary>
public static class RabbitMqExtensions
{
    public const string EndpointName = "tcp";
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static IResourceBuilder<IResourceWithConnectionString> AddRabbitMqExecutable(this IDistributedApplicationBuilder builder, string name)
    {
        var password = builder.AddSecret($"{name}-password");
        SingleInstance.Claim(builder);
        var folder = Path.Combine(builder.DataDirectory(), name);
        Directory.CreateDirectory(folder);
        var epmdPort = FreePort();
        var distPort = FreePort();
        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", folder, "-address", "127.0.0.1", "-port", epmdPort.ToString(CultureInfo.InvariantCulture));

        // As root the broker runs as the rabbitmq user (its Erlang cookie lives in that user's home).
        string[] asRabbit = LocalRun.IsRoot ? ["--reuid=rabbitmq", "--regid=rabbitmq", "--init-groups", "--", Server] : [];
        var server = new RabbitMqServerResource(name, LocalRun.IsRoot ? "setpriv" : Server, folder, password.Resource);
        var healthKey = $"{name}-speaks-amqp";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthKey, async ct => await SpeaksAmqp(server, ct));
        var config = Path.Combine(folder, "rabbitmq.conf");
        var resource = builder.AddResource(server)
            .WithEndpoint(name: EndpointName, scheme: "tcp")
            .WithArgs(asRabbit)
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = server.Amqp.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture);
                // Erlang distribution listens on every interface unless told otherwise; loopback only, like the rest.
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
                context.EnvironmentVariables["ERL_EPMD_PORT"] = epmdPort.ToString(CultureInfo.InvariantCulture);
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = $"voicehelper-{name}@localhost";
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                context.EnvironmentVariables["RABBITMQ_LOGS"] = "-";
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = config;
                context.EnvironmentVariables["HOME"] = LocalRun.IsRoot ? "/var/lib/rabbitmq" : Environment.GetEnvironmentVariable("HOME") ?? folder;
            })
            .WithHealthCheck(healthKey)
            .WaitFor(epmd)
            .OnBeforeResourceStarted(async (broker, _, ct) =>
            {
                // The guest user's password is set on the first boot (a fresh mnesia folder), from the kept secret.
                var secret = await broker.Password.GetValueAsync(ct);
                await File.WriteAllTextAsync(config, $"default_user = guest\ndefault_pass = {secret}\nloopback_users.guest = true\n", ct);
                await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].\n", ct);
                if (LocalRun.IsRoot)
                {
                    using var chown = Process.Start("chown", ["-R", "rabbitmq", folder]);
                    await chown.WaitForExitAsync(ct);
                }
            });
        epmd.WithParentRelationship(resource);
        return resource;
    }

    /// <summary>Sends the AMQP 0-9-1 protocol header; a broker that is up answers with a Connection.Start method frame (type 1).</summary>
    private static async Task<HealthCheckResult> SpeaksAmqp(RabbitMqServerResource server, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(server.Amqp.Host, server.Amqp.Port, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var frame = new byte[1];
            var read = await stream.ReadAsync(frame, timeout.Token);
            return read == 1 && frame[0] == 1 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No AMQP Connection.Start frame.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
