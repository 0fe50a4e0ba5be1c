using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VoiceHelper.AppHost.Kubernetes;

/// <summary>
/// <c>--publisher kubernetes [--output-path DIR]</c>: builds the app model in publish mode, as Aspire's manifest
/// publisher does, and writes deploy/ from it instead of running; any other arguments run the app.
/// </summary>
public static class KubernetesPublishing
{
    public const string Publisher = "kubernetes";

    public static void RunOrWriteKubernetes(this DistributedApplication app)
    {
        var configuration = app.Services.GetRequiredService<IConfiguration>();
        if (configuration["Publishing:Publisher"] != Publisher)
        {
            app.Run();
            return;
        }
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        // Relative to the AppHost folder, as for the manifest publisher; the repository root by default.
        var appHostDirectory = app.Services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        var output = Path.GetFullPath(configuration["Pipeline:OutputPath"] ?? configuration["Publishing:OutputPath"] ?? "..", appHostDirectory);
        var files = KubernetesGenerator.RenderAsync(model, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var (path, content) in files)
        {
            var target = Path.Combine(output, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }
        Console.WriteLine($"Wrote {files.Count} files under {output}: {string.Join(", ", files.Select(f => f.Path))}");
    }
}
