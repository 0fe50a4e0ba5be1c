using System.Globalization;
using YamlDotNet.Serialization;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>
/// Writes Kubernetes manifests from the same app model: a Deployment, Service and HorizontalPodAutoscaler per
/// project (probes on /health and /alive), StatefulSets for PostgreSQL and Redis, the gateway with its
/// generated nginx.conf in a ConfigMap, and one Secret for the parameters (filled at deploy time).
/// </summary>
public static class KubernetesPublisher
{
    public const string GatewayConfigPath = "deploy/nginx/nginx.conf";
    private const string ParametersSecret = "voicehelper-parameters";
    private const int ProjectPort = 8080;

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .Build();

    /// <summary>Files to write, relative to the output folder (the repository root by default).</summary>
    public static IEnumerable<(string Path, string Content)> Render(AppModel model)
    {
        var parameters = model.Resources.OfType<ParameterResource>().ToList();
        yield return ("deploy/k8s/parameters.yaml", Documents(new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = Metadata(ParametersSecret, "parameters", new Dictionary<string, object>
            {
                ["voicehelper.io/note"] = "Fill every value before applying (kubectl create secret generic voicehelper-parameters --from-literal=...).",
            }),
            ["type"] = "Opaque",
            ["stringData"] = parameters.ToDictionary(p => p.Name, _ => (object)""),
        }));
        foreach (var resource in model.Runnable)
        {
            switch (resource)
            {
                case PostgresServerResource postgres:
                    yield return ($"deploy/k8s/{postgres.Name}.yaml", Documents(
                        DatabaseInitScripts(postgres), PostgresStatefulSet(postgres), ClusterService(postgres.Name, "tcp", postgres.Tcp.TargetPort)));
                    break;
                case RedisResource redis:
                    yield return ($"deploy/k8s/{redis.Name}.yaml", Documents(RedisStatefulSet(redis), ClusterService(redis.Name, "tcp", redis.Tcp.TargetPort)));
                    break;
                case ProjectResource project:
                    var documents = new List<object> { ProjectConfigMap(project), ProjectDeployment(project), ClusterService(project.Name, "http", ProjectPort) };
                    if (project.Autoscale)
                    {
                        documents.Add(Autoscaler(project.Name, Math.Max(1, project.Replicas), 10));
                    }
                    yield return ($"deploy/k8s/{project.Name}.yaml", Documents([.. documents]));
                    break;
                case NginxGatewayResource gateway:
                    var config = ClusterGatewayConfig(gateway);
                    yield return (GatewayConfigPath, config);
                    yield return ($"deploy/k8s/{gateway.Name}.yaml", Documents(
                        new Dictionary<string, object>
                        {
                            ["apiVersion"] = "v1",
                            ["kind"] = "ConfigMap",
                            ["metadata"] = Metadata($"{gateway.Name}-config", gateway.Name),
                            ["data"] = new Dictionary<string, object> { ["nginx.conf"] = config },
                        },
                        GatewayDeployment(gateway),
                        GatewayService(gateway),
                        Autoscaler(gateway.Name, 2, 6)));
                    break;
            }
        }
    }

    public static string ClusterGatewayConfig(NginxGatewayResource gateway) =>
        gateway.RenderConfig(
            gateway.Upstreams.ToDictionary(t => t.Name, t => $"{t.Name}:{ProjectPort}"),
            gateway.Http!.TargetPort.ToString(CultureInfo.InvariantCulture), tempDirectory: null, pidFile: "/tmp/nginx.pid");

    private static string Documents(params object[] documents) =>
        string.Join("---\n", documents.Select(d => Yaml.Serialize(d)));

    private static Dictionary<string, object> Metadata(string name, string component, Dictionary<string, object>? annotations = null)
    {
        var metadata = new Dictionary<string, object>
        {
            ["name"] = name,
            ["labels"] = Labels(component),
        };
        if (annotations is not null)
        {
            metadata["annotations"] = annotations;
        }
        return metadata;
    }

    private static Dictionary<string, object> Labels(string component) => new()
    {
        ["app.kubernetes.io/name"] = component,
        ["app.kubernetes.io/part-of"] = "voicehelper",
    };

    private static Dictionary<string, object> Selector(string component) => new()
    {
        ["matchLabels"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = component },
    };

    private static Dictionary<string, object> SecretEnv(string variable, string key) => new()
    {
        ["name"] = variable,
        ["valueFrom"] = new Dictionary<string, object>
        {
            ["secretKeyRef"] = new Dictionary<string, object> { ["name"] = ParametersSecret, ["key"] = key },
        },
    };

    private static Dictionary<string, object> Env(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static string EnvName(string parameter) => parameter.ToUpperInvariant().Replace('-', '_');

    /// <summary>The cluster form of a connection string; passwords come from the Secret through $(VAR) expansion.</summary>
    private static string ClusterConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        PostgresDatabaseResource database =>
            $"Host={database.Server.Name};Port={database.Server.Tcp.TargetPort};Username=postgres;Password=$({EnvName(database.Server.Password.Name)});Database={database.DatabaseName}",
        PostgresServerResource server =>
            $"Host={server.Name};Port={server.Tcp.TargetPort};Username=postgres;Password=$({EnvName(server.Password.Name)})",
        RedisResource redis => $"{redis.Name}:{redis.Tcp.TargetPort},password=$({EnvName(redis.Password.Name)})",
        _ => throw new InvalidOperationException($"No cluster connection string for {resource.Name}."),
    };

    private static ParameterResource? PasswordOf(IResource resource) => resource switch
    {
        PostgresDatabaseResource database => database.Server.Password,
        PostgresServerResource server => server.Password,
        RedisResource redis => redis.Password,
        _ => null,
    };

    private static Dictionary<string, object> ProjectConfigMap(ProjectResource project)
    {
        var data = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["HTTP_PORTS"] = ProjectPort.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        foreach (var (key, value) in project.Environment)
        {
            data[key] = value;
        }
        foreach (var target in project.References.OfType<ProjectResource>())
        {
            data[$"services__{target.Name}__http__0"] = $"http://{target.Name}:{ProjectPort}";
        }
        return new Dictionary<string, object>
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = Metadata($"{project.Name}-config", project.Name),
            ["data"] = data,
        };
    }

    private static Dictionary<string, object> ProjectDeployment(ProjectResource project)
    {
        var env = new List<object>();
        foreach (var password in project.References.Select(PasswordOf).OfType<ParameterResource>().Distinct())
        {
            env.Add(SecretEnv(EnvName(password.Name), password.Name));
        }
        foreach (var (name, parameter) in project.SecretEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env.Add(SecretEnv(name, parameter.Name));
        }
        foreach (var reference in project.References.OfType<IResourceWithConnectionString>())
        {
            env.Add(Env($"ConnectionStrings__{reference.Name}", ClusterConnectionString(reference)));
        }
        var container = new Dictionary<string, object>
        {
            ["name"] = project.Name,
            ["image"] = $"voicehelper/{project.Name}:latest",
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["containerPort"] = ProjectPort } },
            ["envFrom"] = new List<object>
            {
                new Dictionary<string, object> { ["configMapRef"] = new Dictionary<string, object> { ["name"] = $"{project.Name}-config" } },
            },
            ["env"] = env,
            ["readinessProbe"] = Probe("/health", 5),
            ["livenessProbe"] = Probe("/alive", 10),
            ["resources"] = new Dictionary<string, object>
            {
                ["requests"] = new Dictionary<string, object> { ["cpu"] = "250m", ["memory"] = "256Mi" },
                ["limits"] = new Dictionary<string, object> { ["memory"] = "1Gi" },
            },
        };
        return Deployment(project.Name, Math.Max(1, project.Replicas), container, volumes: null);
    }

    private static Dictionary<string, object> Probe(string path, int period) => new()
    {
        ["httpGet"] = new Dictionary<string, object> { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = period,
        ["failureThreshold"] = 3,
    };

    private static Dictionary<string, object> Deployment(string name, int replicas, Dictionary<string, object> container, List<object>? volumes)
    {
        var pod = new Dictionary<string, object> { ["containers"] = new List<object> { container } };
        if (volumes is not null)
        {
            pod["volumes"] = volumes;
        }
        return new Dictionary<string, object>
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = Metadata(name, name),
            ["spec"] = new Dictionary<string, object>
            {
                ["replicas"] = replicas,
                ["selector"] = Selector(name),
                ["template"] = new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(name) },
                    ["spec"] = pod,
                },
            },
        };
    }

    private static Dictionary<string, object> ClusterService(string name, string portName, int port) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["selector"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = name },
            ["ports"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = portName, ["port"] = port, ["targetPort"] = port },
            },
        },
    };

    private static Dictionary<string, object> Autoscaler(string name, int min, int max) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = Metadata(name, name),
        ["spec"] = new Dictionary<string, object>
        {
            ["scaleTargetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = name },
            ["minReplicas"] = min,
            ["maxReplicas"] = max,
            ["metrics"] = new List<object>
            {
                new Dictionary<string, object>
                {
                    ["type"] = "Resource",
                    ["resource"] = new Dictionary<string, object>
                    {
                        ["name"] = "cpu",
                        ["target"] = new Dictionary<string, object> { ["type"] = "Utilization", ["averageUtilization"] = 70 },
                    },
                },
            },
        },
    };

    private static Dictionary<string, object> DatabaseInitScripts(PostgresServerResource postgres) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Metadata($"{postgres.Name}-init", postgres.Name),
        ["data"] = new Dictionary<string, object>
        {
            ["01-databases.sql"] = string.Concat(postgres.Databases.Select(d => $"CREATE DATABASE \"{d.DatabaseName}\";\n")),
        },
    };

    private static Dictionary<string, object> PostgresStatefulSet(PostgresServerResource postgres) => StatefulSet(
        postgres.Name,
        new Dictionary<string, object>
        {
            ["name"] = postgres.Name,
            ["image"] = $"{PostgresServerResource.Image}:{PostgresServerResource.ImageTag}",
            ["args"] = PostgresServerResource.Settings.SelectMany(setting => new object[] { "-c", setting }).ToList(),
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "tcp", ["containerPort"] = postgres.Tcp.TargetPort } },
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
            new Dictionary<string, object>
            {
                ["name"] = "init",
                ["configMap"] = new Dictionary<string, object> { ["name"] = $"{postgres.Name}-init" },
            },
        });

    private static Dictionary<string, object> RedisStatefulSet(RedisResource redis) => StatefulSet(
        redis.Name,
        new Dictionary<string, object>
        {
            ["name"] = redis.Name,
            ["image"] = $"{RedisResource.Image}:{RedisResource.ImageTag}",
            ["command"] = new List<object> { "redis-server" },
            ["args"] = new List<object> { "--requirepass", "$(REDIS_PASSWORD)", "--appendonly", "yes", "--dir", "/data" },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "tcp", ["containerPort"] = redis.Tcp.TargetPort } },
            ["env"] = new List<object> { SecretEnv("REDIS_PASSWORD", redis.Password.Name) },
            ["readinessProbe"] = new Dictionary<string, object>
            {
                ["tcpSocket"] = new Dictionary<string, object> { ["port"] = "tcp" },
                ["periodSeconds"] = 5,
            },
            ["volumeMounts"] = new List<object> { new Dictionary<string, object> { ["name"] = "data", ["mountPath"] = "/data" } },
        },
        volumes: null);

    private static Dictionary<string, object> StatefulSet(string name, Dictionary<string, object> container, List<object>? volumes)
    {
        var pod = new Dictionary<string, object> { ["containers"] = new List<object> { container } };
        if (volumes is not null)
        {
            pod["volumes"] = volumes;
        }
        return new Dictionary<string, object>
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "StatefulSet",
            ["metadata"] = Metadata(name, name),
            ["spec"] = new Dictionary<string, object>
            {
                ["serviceName"] = name,
                ["replicas"] = 1,
                ["selector"] = Selector(name),
                ["template"] = new Dictionary<string, object>
                {
                    ["metadata"] = new Dictionary<string, object> { ["labels"] = Labels(name) },
                    ["spec"] = pod,
                },
                ["volumeClaimTemplates"] = new List<object>
                {
                    new Dictionary<string, object>
                    {
                        ["metadata"] = new Dictionary<string, object> { ["name"] = "data" },
                        ["spec"] = new Dictionary<string, object>
                        {
                            ["accessModes"] = new List<object> { "ReadWriteOnce" },
                            ["resources"] = new Dictionary<string, object>
                            {
                                ["requests"] = new Dictionary<string, object> { ["storage"] = "10Gi" },
                            },
                        },
                    },
                },
            },
        };
    }

    private static Dictionary<string, object> GatewayDeployment(NginxGatewayResource gateway) => Deployment(
        gateway.Name,
        2,
        new Dictionary<string, object>
        {
            ["name"] = gateway.Name,
            ["image"] = $"{NginxGatewayResource.Image}:{NginxGatewayResource.ImageTag}",
            ["command"] = new List<object> { "nginx", "-c", "/etc/nginx/voicehelper/nginx.conf" },
            ["ports"] = new List<object> { new Dictionary<string, object> { ["name"] = "http", ["containerPort"] = gateway.Http!.TargetPort } },
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
            new Dictionary<string, object>
            {
                ["name"] = "config",
                ["configMap"] = new Dictionary<string, object> { ["name"] = $"{gateway.Name}-config" },
            },
        });

    private static Dictionary<string, object> GatewayService(NginxGatewayResource gateway) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(gateway.Name, gateway.Name),
        ["spec"] = new Dictionary<string, object>
        {
            ["type"] = "LoadBalancer",
            ["selector"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = gateway.Name },
            ["ports"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = "http", ["port"] = 80, ["targetPort"] = "http" },
            },
        },
    };
}
