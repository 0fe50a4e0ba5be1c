using System.Globalization;
using System.Text.RegularExpressions;
using VoiceHelper.AppHost.Gateway;
using VoiceHelper.AppHost.Postgres;
using VoiceHelper.AppHost.Redis;
using YamlDotNet.Serialization;
using static VoiceHelper.AppHost.Kubernetes.KubernetesObjects;

namespace VoiceHelper.AppHost.Kubernetes;

/// <summary>
/// Writes deploy/k8s/ from Aspire's app model in publish mode (Aspire's own Kubernetes publisher is not available
/// here): a ConfigMap, Deployment, Service and HorizontalPodAutoscaler per project with probes on /health and /alive,
/// StatefulSets for PostgreSQL and Redis, the gateway with its nginx.conf, and one Secret for every parameter.
/// Environment values are the ones Aspire computes for publishing (its manifest expressions), turned into cluster
/// addresses and secret references.
/// </summary>
public static partial class KubernetesGenerator
{
    public const int ServicePort = 8080;
    private const string ParametersSecret = "voicehelper-parameters";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    /// <summary>Files to write, relative to the repository root.</summary>
    public static async Task<IReadOnlyList<(string Path, string Content)>> RenderAsync(DistributedApplicationModel model, CancellationToken ct)
    {
        var files = new List<(string, string)>();
        var parameters = model.Resources.OfType<ParameterResource>().ToList();
        files.Add(("deploy/k8s/parameters.yaml", Documents(new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = Metadata(ParametersSecret, "parameters", new Dictionary<string, object>
            {
                ["voicehelper.io/note"] = "Fill every value before applying (kubectl create secret generic voicehelper-parameters --from-literal=...).",
            }),
            ["type"] = "Opaque",
            ["stringData"] = parameters.ToDictionary(p => p.Name, _ => (object)""),
        })));
        foreach (var resource in model.Resources)
        {
            switch (resource)
            {
                case PostgresServerContainerResource postgres:
                    files.Add(($"deploy/k8s/{postgres.Name}.yaml", Documents(
                        DatabaseInitScripts(postgres), PostgresStatefulSet(postgres), ClusterService(postgres.Name, "tcp", 5432))));
                    break;
                case RedisServerContainerResource redis:
                    files.Add(($"deploy/k8s/{redis.Name}.yaml", Documents(RedisStatefulSet(redis), ClusterService(redis.Name, "tcp", 6379))));
                    break;
                case ProjectResource project:
                    var (config, env) = await ProjectEnvironment(model, project, ct);
                    files.Add(($"deploy/k8s/{project.Name}.yaml", Documents(
                        ConfigMap($"{project.Name}-config", project.Name, config),
                        ProjectDeployment(project.Name, env),
                        ClusterService(project.Name, "http", ServicePort),
                        Autoscaler(project.Name, 1, 10))));
                    break;
                case NginxGatewayContainerResource gateway:
                    var nginx = gateway.ClusterConfig(ServicePort);
                    files.Add((NginxGatewayExtensions.ClusterConfigPath, nginx));
                    files.Add(($"deploy/k8s/{gateway.Name}.yaml", Documents(
                        ConfigMap($"{gateway.Name}-config", gateway.Name, new SortedDictionary<string, object>(StringComparer.Ordinal) { ["nginx.conf"] = nginx }),
                        GatewayDeployment(gateway.Name),
                        GatewayService(gateway.Name),
                        Autoscaler(gateway.Name, 2, 6))));
                    break;
            }
        }
        return files;
    }

    /// <summary>
    /// Splits a project's published environment into plain settings (its ConfigMap) and variables that carry a secret
    /// (connection strings with a password, parameters), which the pod reads from the Secret.
    /// </summary>
    private static async Task<(SortedDictionary<string, object> Config, List<object> Env)> ProjectEnvironment(
        DistributedApplicationModel model, ProjectResource project, CancellationToken ct)
    {
        var config = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["HTTP_PORTS"] = ServicePort.ToString(CultureInfo.InvariantCulture),
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        var secretVariables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var env = new List<object>();
        // The values Aspire's manifest publisher writes ({identitydb.connectionString}, {identity.bindings.http.url}, ...).
#pragma warning disable CS0618 // its replacement (ExecutionConfigurationBuilder) resolves values for a run, not publishing expressions
        var values = await project.GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
        foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (name == "HTTP_PORTS" || name.StartsWith("ASPNETCORE_URLS", StringComparison.Ordinal))
            {
                continue;
            }
            if (Reference().Match(value) is { Success: true } whole && whole.Value == value)
            {
                var target = model.Resources.Single(r => r.Name == whole.Groups["name"].Value);
                switch (target, whole.Groups["what"].Value)
                {
                    case (ParameterResource parameter, _):
                        env.Add(SecretEnv(name, parameter.Name));
                        continue;
                    case (IResourceWithConnectionString withConnection, "connectionString"):
                        var (connection, password) = ClusterConnectionString(withConnection);
                        if (password is not null)
                        {
                            secretVariables[EnvName(password.Name)] = password.Name;
                        }
                        env.Add(Env(name, connection));
                        continue;
                }
            }
            var plain = Binding().Replace(value, m => m.Groups["what"].Value switch
            {
                "url" => $"http://{m.Groups["name"].Value}:{ServicePort}",
                "host" => m.Groups["name"].Value,
                "port" or "targetPort" => ServicePort.ToString(CultureInfo.InvariantCulture),
                var other => throw new InvalidOperationException($"{project.Name}: no cluster form for binding property {other} in {name}."),
            });
            if (plain.Contains('{', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{project.Name}: no cluster form for {name}={value}.");
            }
            config[name] = plain;
        }
        env.InsertRange(0, secretVariables.Select(v => (object)SecretEnv(v.Key, v.Value)));
        return (config, env);
    }

    /// <summary>The cluster form of a connection string; a password comes from the Secret by $(VAR) expansion.</summary>
    private static (string Value, ParameterResource? Password) ClusterConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        PostgresDatabaseResource database when database.Parent is PostgresServerContainerResource server =>
            ($"Host={server.Name};Port=5432;Username=postgres;Password=$({EnvName(server.Password.Name)});Database={database.DatabaseName}", server.Password),
        PostgresServerContainerResource server =>
            ($"Host={server.Name};Port=5432;Username=postgres;Password=$({EnvName(server.Password.Name)})", server.Password),
        RedisServerContainerResource redis => ($"{redis.Name}:6379,password=$({EnvName(redis.Password.Name)})", redis.Password),
        _ => throw new InvalidOperationException($"No cluster connection string for {resource.Name}."),
    };

    private static string EnvName(string parameter) => parameter.ToUpperInvariant().Replace('-', '_');

    private static string Documents(params object[] documents) => string.Join("---\n", documents.Select(d => Yaml.Serialize(d)));

    [GeneratedRegex(@"\{(?<name>[a-z0-9-]+)\.(?<what>connectionString|value)\}")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\{(?<name>[a-z0-9-]+)\.bindings\.[a-z0-9-]+\.(?<what>[A-Za-z]+)\}")]
    private static partial Regex Binding();

    private static Dictionary<string, object> DatabaseInitScripts(PostgresServerContainerResource postgres) =>
        ConfigMap($"{postgres.Name}-init", postgres.Name, new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["01-databases.sql"] = string.Concat(postgres.Databases.Select(d => $"CREATE DATABASE \"{d.DatabaseName}\";\n")),
        });

    private static Dictionary<string, object> PostgresStatefulSet(PostgresServerContainerResource postgres) => StatefulSet(
        postgres.Name,
        new Dictionary<string, object>
        {
            ["name"] = postgres.Name,
            ["image"] = $"{PostgresExtensions.Image}:{PostgresExtensions.ImageTag}",
            ["args"] = PostgresExtensions.Settings.SelectMany(setting => new object[] { "-c", setting }).ToList(),
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "tcp", ["containerPort"] = 5432 } },
            ["env"] = new List<object>
            {
                SecretEnv("POSTGRES_PASSWORD", postgres.Password.Name),
                Env("POSTGRES_USER", "postgres"),
                Env("PGDATA", "/var/lib/postgresql/data/pgdata"),
            },
            ["readinessProbe"] = new Dictionary<string, object>
            {
                ["exec"] = new Dictionary<string, object> { ["command"] = new List<object> { "pg_isready", "-U", "postgres" } },
                ["periodSeconds"] = 5,
            },
            ["volumeMounts"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = "data", ["mountPath"] = "/var/lib/postgresql/data" },
                new Dictionary<string, object> { ["name"] = "init", ["mountPath"] = "/docker-entrypoint-initdb.d" },
            },
        },
        new List<object>
        {
            new Dictionary<string, object> { ["name"] = "init", ["configMap"] = new Dictionary<string, object> { ["name"] = $"{postgres.Name}-init" } },
        });

    private static Dictionary<string, object> RedisStatefulSet(RedisServerContainerResource redis) => StatefulSet(
        redis.Name,
        new Dictionary<string, object>
        {
            ["name"] = redis.Name,
            ["image"] = $"{RedisExtensions.Image}:{RedisExtensions.ImageTag}",
            ["command"] = new List<object> { "redis-server" },
            ["args"] = new List<object> { "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data" },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "tcp", ["containerPort"] = 6379 } },
            ["env"] = new List<object> { SecretEnv("REDIS_PASSWORD", redis.Password.Name) },
            ["readinessProbe"] = new Dictionary<string, object>
            {
                ["tcpSocket"] = new Dictionary<string, object> { ["port"] = "tcp" },
                ["periodSeconds"] = 5,
            },
            ["volumeMounts"] = new List<object> { new Dictionary<string, object> { ["name"] = "data", ["mountPath"] = "/data" } },
        },
        volumes: null);

    private static Dictionary<string, object> ProjectDeployment(string name, List<object> env) => Deployment(name, 1,
        new Dictionary<string, object>
        {
            ["name"] = name,
            // The image `dotnet publish -t:PublishContainer` builds from the project (ContainerRepository voicehelper/{name}).
            ["image"] = $"voicehelper/{name}:latest",
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["containerPort"] = ServicePort } },
            ["envFrom"] = new List<object>
            {
                new Dictionary<string, object> { ["configMapRef"] = new Dictionary<string, object> { ["name"] = $"{name}-config" } },
            },
            ["env"] = env,
            ["readinessProbe"] = Probe("/health", 5),
            ["livenessProbe"] = Probe("/alive", 10),
            ["resources"] = new Dictionary<string, object>
            {
                ["requests"] = new Dictionary<string, object> { ["cpu"] = "250m", ["memory"] = "256Mi" },
                ["limits"] = new Dictionary<string, object> { ["memory"] = "1Gi" },
            },
        },
        volumes: null);

    private static Dictionary<string, object> GatewayDeployment(string name) => Deployment(name, 2,
        new Dictionary<string, object>
        {
            ["name"] = name,
            ["image"] = $"{NginxGatewayExtensions.Image}:{NginxGatewayExtensions.ImageTag}",
            ["command"] = new List<object> { "nginx", "-c", "/etc/nginx/voicehelper/nginx.conf" },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["containerPort"] = NginxGatewayExtensions.ContainerPort } },
            ["readinessProbe"] = Probe("/gateway/health", 5),
            ["livenessProbe"] = Probe("/gateway/health", 10),
            ["resources"] = new Dictionary<string, object>
            {
                ["requests"] = new Dictionary<string, object> { ["cpu"] = "100m", ["memory"] = "64Mi" },
                ["limits"] = new Dictionary<string, object> { ["memory"] = "256Mi" },
            },
            ["volumeMounts"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = "config", ["mountPath"] = "/etc/nginx/voicehelper", ["readOnly"] = true },
            },
        },
        new List<object>
        {
            new Dictionary<string, object> { ["name"] = "config", ["configMap"] = new Dictionary<string, object> { ["name"] = $"{name}-config" } },
        });
}
