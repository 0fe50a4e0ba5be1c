namespace VoiceHelper.AppHost.Hosting;

/// <summary>Runs the app model locally, or publishes it (Aspire manifest and Kubernetes manifests).</summary>
public sealed class DistributedApplication(AppModel model, AppHostOptions options)
{
    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(AppHostOptions.FromArgs(args));

    public AppModel Model { get; } = model;

    public async Task<int> RunAsync()
    {
        if (options.Publish)
        {
            var manifest = Path.Combine(options.OutputDirectory, "aspire-manifest.json");
            await File.WriteAllTextAsync(manifest, ManifestPublisher.Render(Model, options.OutputDirectory));
            foreach (var (file, content) in KubernetesPublisher.Render(Model))
            {
                var path = Path.Combine(options.OutputDirectory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, content);
            }
            Console.WriteLine($"Wrote {manifest} and {Path.Combine(options.OutputDirectory, "deploy")}/");
            return 0;
        }
        await using var orchestrator = new Orchestrator(Model);
        return await orchestrator.RunAsync();
    }

    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();
}
