using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Writes the app model in Aspire's manifest format (the input of Aspire's deployment tools).</summary>
public static class ManifestPublisher
{
    public static string Render(AppModel model, string outputDirectory)
    {
        var resources = new JsonObject();
        foreach (var resource in model.Resources)
        {
            resources[resource.Name] = resource switch
            {
                ParameterResource parameter => Parameter(parameter),
                PostgresServerResource postgres => Postgres(postgres),
                PostgresDatabaseResource database => new JsonObject
                {
                    ["type"] = "value.v0",
                    ["connectionString"] = database.ManifestConnectionExpression,
                },
                RedisResource redis => Redis(redis),
                ProjectResource project => Project(project, outputDirectory),
                NginxGatewayResource gateway => Gateway(gateway),
                _ => throw new InvalidOperationException($"No manifest form for {resource.GetType().Name}."),
            };
        }
        var root = new JsonObject { ["$schema"] = "https://json.schemastore.org/aspire-8.0.json", ["resources"] = resources };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Parameter(ParameterResource parameter)
    {
        var input = new JsonObject { ["type"] = "string", ["secret"] = true };
        if (parameter.GeneratedByDeployer)
        {
            input["default"] = new JsonObject { ["generate"] = new JsonObject { ["minLength"] = 22 } };
        }
        return new JsonObject
        {
            ["type"] = "parameter.v0",
            ["value"] = $"{{{parameter.Name}.inputs.value}}",
            ["inputs"] = new JsonObject { ["value"] = input },
        };
    }

    private static JsonObject Postgres(PostgresServerResource postgres) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = postgres.ManifestConnectionExpression,
        ["image"] = $"{PostgresServerResource.Image}:{PostgresServerResource.ImageTag}",
        ["args"] = new JsonArray([.. PostgresServerResource.Settings.SelectMany(setting => new[] { "-c", setting }).Select(a => (JsonNode)a)]),
        ["volumes"] = new JsonArray(new JsonObject
        {
            ["name"] = $"voicehelper-{postgres.Name}-data",
            ["target"] = "/var/lib/postgresql/data",
            ["readOnly"] = false,
        }),
        ["env"] = new JsonObject
        {
            ["POSTGRES_HOST_AUTH_METHOD"] = "scram-sha-256",
            ["POSTGRES_INITDB_ARGS"] = "--auth-host=scram-sha-256 --auth-local=scram-sha-256",
            ["POSTGRES_USER"] = "postgres",
            ["POSTGRES_PASSWORD"] = $"{{{postgres.Password.Name}.value}}",
        },
        ["bindings"] = new JsonObject { ["tcp"] = Binding("tcp", "tcp", postgres.Tcp.TargetPort) },
    };

    private static JsonObject Redis(RedisResource redis) => new()
    {
        ["type"] = "container.v0",
        ["connectionString"] = redis.ManifestConnectionExpression,
        ["image"] = $"{RedisResource.Image}:{RedisResource.ImageTag}",
        ["entrypoint"] = "/bin/sh",
        ["args"] = new JsonArray("-c", "redis-server --requirepass $REDIS_PASSWORD --appendonly yes"),
        ["volumes"] = new JsonArray(new JsonObject
        {
            ["name"] = $"voicehelper-{redis.Name}-data",
            ["target"] = "/data",
            ["readOnly"] = false,
        }),
        ["env"] = new JsonObject { ["REDIS_PASSWORD"] = $"{{{redis.Password.Name}.value}}" },
        ["bindings"] = new JsonObject { ["tcp"] = Binding("redis", "tcp", redis.Tcp.TargetPort) },
    };

    private static JsonObject Project(ProjectResource project, string outputDirectory)
    {
        var env = new JsonObject
        {
            ["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory",
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["HTTP_PORTS"] = $"{{{project.Name}.bindings.http.targetPort}}",
        };
        foreach (var (key, value) in project.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env[key] = value;
        }
        foreach (var (key, parameter) in project.SecretEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            env[key] = $"{{{parameter.Name}.value}}";
        }
        AddReferences(env, project);
        return new JsonObject
        {
            ["type"] = "project.v0",
            ["path"] = Path.GetRelativePath(outputDirectory, project.Metadata.ProjectPath).Replace('\\', '/'),
            ["env"] = env,
            ["bindings"] = new JsonObject { ["http"] = Binding("http", "http", null) },
        };
    }

    private static JsonObject Gateway(NginxGatewayResource gateway)
    {
        var env = new JsonObject();
        AddReferences(env, gateway);
        foreach (var target in gateway.Upstreams)
        {
            env[$"services__{target.Name}__http__0"] = $"{{{target.Name}.bindings.http.url}}";
        }
        var binding = Binding("http", "http", gateway.Http!.TargetPort);
        binding["external"] = true;
        return new JsonObject
        {
            ["type"] = "container.v0",
            ["image"] = $"{NginxGatewayResource.Image}:{NginxGatewayResource.ImageTag}",
            ["args"] = new JsonArray("nginx", "-c", "/etc/nginx/voicehelper/nginx.conf"),
            ["bindMounts"] = new JsonArray(new JsonObject
            {
                ["source"] = KubernetesPublisher.GatewayConfigPath,
                ["target"] = "/etc/nginx/voicehelper/nginx.conf",
                ["readOnly"] = true,
            }),
            ["env"] = env,
            ["bindings"] = new JsonObject { ["http"] = binding },
        };
    }

    private static void AddReferences(JsonObject env, Resource resource)
    {
        foreach (var reference in resource.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString:
                    env[$"ConnectionStrings__{reference.Name}"] = $"{{{reference.Name}.connectionString}}";
                    break;
                case ProjectResource target:
                    env[$"services__{target.Name}__http__0"] = $"{{{target.Name}.bindings.http.url}}";
                    break;
            }
        }
    }

    private static JsonObject Binding(string scheme, string transport, int? targetPort)
    {
        var binding = new JsonObject { ["scheme"] = scheme, ["protocol"] = "tcp", ["transport"] = transport };
        if (targetPort is { } port)
        {
            binding["targetPort"] = port;
        }
        return binding;
    }
}
