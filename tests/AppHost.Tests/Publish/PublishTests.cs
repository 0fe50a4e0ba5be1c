using System.Diagnostics;

namespace VoiceHelper.AppHost.Tests.Publish;

public sealed class PublishTests
{
    [Fact]
    public async Task Committed_manifests_equal_what_publish_generates()
    {
        await using var publish = AppHostProcess.Start(new Dictionary<string, string?>(), "publish", "--check");
        await publish.WaitForExitAsync(TestContext.Current.CancellationToken);

        publish.ExitCode.ShouldBe(0, publish.Output);
    }

    [Fact]
    public async Task Published_manifests_validate_against_the_published_schemas()
    {
        var output = Directory.CreateTempSubdirectory("voicehelper-publish-").FullName;
        try
        {
            await using (var publish = AppHostProcess.Start(new Dictionary<string, string?>(), "publish", "--output-path", output))
            {
                await publish.WaitForExitAsync(TestContext.Current.CancellationToken);
                publish.ExitCode.ShouldBe(0, publish.Output);
            }

            var (exitCode, text) = await RunNode(
                Path.Combine(AppContext.BaseDirectory, "Publish", "validate-schemas.mjs"),
                RequiredDirectory("VOICEHELPER_SCHEMAS_DIR"),
                Path.Combine(output, "aspire-manifest.json"),
                Path.Combine(output, "deploy", "k8s"));

            exitCode.ShouldBe(0, text);
            text.ShouldContain("valid: aspire manifest");
            text.ShouldContain("Kubernetes documents");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Published_kubernetes_manifests_probe_health_and_autoscale_services()
    {
        var identity = await File.ReadAllTextAsync(Path.Combine(AppHostProcess.RepositoryRoot, "deploy", "k8s", "identity.yaml"), TestContext.Current.CancellationToken);

        identity.ShouldContain("kind: Deployment");
        identity.ShouldContain("path: /health");
        identity.ShouldContain("path: /alive");
        identity.ShouldContain("kind: HorizontalPodAutoscaler");
        identity.ShouldContain("Password=$(POSTGRES_PASSWORD);Database=identitydb");
    }

    private static string RequiredDirectory(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } dir && Directory.Exists(dir)
            ? dir
            : throw new InvalidOperationException($"{variable} must point at an existing folder (scripts/test.sh sets it).");

    private static async Task<(int ExitCode, string Output)> RunNode(params string[] args)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["NODE_PATH"] = Path.Combine(RequiredDirectory("VOICEHELPER_TOOLS_DIR"), "node_modules");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
