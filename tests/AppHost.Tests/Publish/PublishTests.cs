using System.Text.Json.Nodes;

namespace VoiceHelper.AppHost.Tests.Publish;

/// <summary>
/// aspire-manifest.json (Aspire's manifest publisher) and deploy/ (the project's Kubernetes generator, fed from the
/// same app model) are committed: they must equal what the AppHost generates now, and validate against the schemas.
/// </summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Committed_aspire_manifest_equals_what_the_manifest_publisher_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Directory.CreateTempSubdirectory("voicehelper-manifest-").FullName;
        try
        {
            var manifest = Path.Combine(output, "aspire-manifest.json");
            var (exitCode, text) = await Publish(["--publisher", "manifest", "--output-path", manifest], ct);
            exitCode.ShouldBe(0, text);

            var generated = Normalised(manifest);
            var committed = Normalised(Path.Combine(Repository.Root, "aspire-manifest.json"));
            generated.ShouldBe(committed,
                "aspire-manifest.json is stale: cd VoiceHelper.AppHost && dotnet run -- --publisher manifest --output-path ../aspire-manifest.json");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Committed_kubernetes_manifests_equal_what_the_generator_writes()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = Directory.CreateTempSubdirectory("voicehelper-k8s-").FullName;
        try
        {
            var (exitCode, text) = await Publish(["--publisher", "kubernetes", "--output-path", output], ct);
            exitCode.ShouldBe(0, text);

            var generated = Files(Path.Combine(output, "deploy"));
            var committed = Files(Path.Combine(Repository.Root, "deploy"));
            generated.Keys.ShouldBe(committed.Keys, ignoreOrder: true);
            foreach (var (file, content) in generated)
            {
                content.ShouldBe(committed[file],
                    $"deploy/{file} is stale: cd VoiceHelper.AppHost && dotnet run -- --publisher kubernetes --output-path ..");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Committed_manifests_validate_against_the_published_schemas()
    {
        if (Environment.GetEnvironmentVariable("VOICEHELPER_SCHEMAS_DIR") is not { Length: > 0 } schemas || !Directory.Exists(schemas))
        {
            Assert.Skip("VOICEHELPER_SCHEMAS_DIR is not set to the folder of published schemas (../shared/schemas; scripts/test.sh sets it).");
            return;
        }
        var tools = Environment.GetEnvironmentVariable("VOICEHELPER_TOOLS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Repository.Root, ".tools");
        var (exitCode, text) = await ChildProcess.RunAsync("node",
            [
                Path.Combine(AppContext.BaseDirectory, "Publish", "validate-schemas.mjs"), schemas,
                Path.Combine(Repository.Root, "aspire-manifest.json"), Path.Combine(Repository.Root, "deploy", "k8s"),
            ],
            TestContext.Current.CancellationToken,
            environment: new Dictionary<string, string> { ["NODE_PATH"] = Path.Combine(tools, "node_modules") });

        exitCode.ShouldBe(0, text);
        text.ShouldContain("valid: aspire manifest");
        text.ShouldContain("Kubernetes documents");
    }

    [Fact]
    public async Task Published_services_probe_health_autoscale_and_use_kafka()
    {
        var identity = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "k8s", "identity.yaml"), TestContext.Current.CancellationToken);

        identity.ShouldContain("kind: Deployment");
        identity.ShouldContain("image: voicehelper/identity:latest");
        identity.ShouldContain("path: /health");
        identity.ShouldContain("path: /alive");
        identity.ShouldContain("kind: HorizontalPodAutoscaler");
        identity.ShouldContain("Password=$(POSTGRES_PASSWORD);Database=identitydb");
        identity.ShouldContain("EventBus__Transport: kafka");
        identity.ShouldContain("key: kafka");
    }

    private static Task<(int ExitCode, string Output)> Publish(string[] args, CancellationToken ct) =>
        ChildProcess.RunAsync(Repository.AppHostExecutable, args, ct, workingDirectory: Path.Combine(Repository.Root, "VoiceHelper.AppHost"));

    /// <summary>The manifest with its relative paths (projects, bind mounts) made relative to the repository root instead of the file.</summary>
    private static string Normalised(string manifestPath)
    {
        var folder = Path.GetDirectoryName(manifestPath)!;
        var root = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        foreach (var (_, resource) in root["resources"]!.AsObject())
        {
            if (resource!["path"] is JsonValue path)
            {
                resource["path"] = FromRoot(folder, path.GetValue<string>());
            }
            foreach (var mount in resource["bindMounts"]?.AsArray() ?? [])
            {
                mount!["source"] = FromRoot(folder, mount["source"]!.GetValue<string>());
            }
        }
        return root.ToJsonString();
    }

    private static string FromRoot(string folder, string relative) =>
        Path.GetRelativePath(Repository.Root, Path.GetFullPath(relative, folder));

    private static Dictionary<string, string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllText);
}
