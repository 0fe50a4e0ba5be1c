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
            return await PublishAsync();
        }
        await using var orchestrator = new Orchestrator(Model);
        return await orchestrator.RunAsync();
    }

    /// <summary>
    /// Writes the manifests, or with <c>--check</c> compares them with the files on disk and fails when they
    /// differ, so a change to the app model cannot land without its regenerated manifests.
    /// </summary>
    private async Task<int> PublishAsync()
    {
        var outputs = KubernetesPublisher.Render(Model)
            .Prepend(("aspire-manifest.json", ManifestPublisher.Render(Model, options.OutputDirectory)))
            .ToList();
        var stale = new List<string>();
        foreach (var (file, content) in outputs)
        {
            var path = Path.Combine(options.OutputDirectory, file);
            if (options.Check)
            {
                if (!File.Exists(path) || await File.ReadAllTextAsync(path) != content)
                {
                    stale.Add(file);
                }
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content);
        }
        if (options.Check)
        {
            foreach (var file in stale)
            {
                Console.Error.WriteLine($"out of date: {file} (run: dotnet run --project VoiceHelper.AppHost -- publish)");
            }
            return stale.Count == 0 ? 0 : 1;
        }
        Console.WriteLine($"Wrote {outputs.Count} files under {options.OutputDirectory}: {string.Join(", ", outputs.Select(o => o.Item1))}");
        return 0;
    }

    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();
}
