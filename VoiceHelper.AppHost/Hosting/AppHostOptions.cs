using System.Globalization;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Where the app keeps its data, which port the gateway takes, and whether to run or publish.</summary>
public sealed class AppHostOptions
{
    public required string RepositoryRoot { get; init; }
    public required string DataDirectory { get; init; }
    public int GatewayPort { get; init; } = 8080;
    public bool Publish { get; init; }

    /// <summary>With publish: compare instead of write.</summary>
    public bool Check { get; init; }
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// Reads <c>publish [--check] [--output-path DIR]</c> from the arguments and <c>VOICEHELPER_DATA_DIR</c> /
    /// <c>VOICEHELPER_GATEWAY_PORT</c> from the environment.
    /// </summary>
    public static AppHostOptions FromArgs(string[] args)
    {
        var root = FindRepositoryRoot();
        var output = root;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--output-path")
            {
                output = Path.GetFullPath(args[i + 1]);
            }
        }
        var port = Environment.GetEnvironmentVariable("VOICEHELPER_GATEWAY_PORT");
        return new AppHostOptions
        {
            RepositoryRoot = root,
            DataDirectory = Path.GetFullPath(Environment.GetEnvironmentVariable("VOICEHELPER_DATA_DIR") ?? Path.Combine(root, ".data")),
            GatewayPort = port is null ? 8080 : int.Parse(port, CultureInfo.InvariantCulture),
            Publish = args.Contains("publish"),
            Check = args.Contains("--check"),
            OutputDirectory = output,
        };
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceHelper.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
