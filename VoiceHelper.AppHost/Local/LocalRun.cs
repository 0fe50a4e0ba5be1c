using System.Globalization;
using System.Security.Cryptography;

namespace VoiceHelper.AppHost.Local;

/// <summary>
/// What only a run on this machine needs: the data folder (<c>VOICEHELPER_DATA_DIR</c>, default <c>.data/</c>),
/// secrets generated once into it, the Debian server binaries, and one AppHost at a time.
/// </summary>
public static class LocalRun
{
    public static string RepositoryRoot(this IDistributedApplicationBuilder builder)
    {
        for (var dir = new DirectoryInfo(builder.AppHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VoiceHelper.slnx")))
            {
                return dir.FullName;
            }
        }
        return builder.AppHostDirectory;
    }

    public static string DataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["VOICEHELPER_DATA_DIR"] is { Length: > 0 } dir
            ? dir
            : Path.Combine(builder.RepositoryRoot(), ".data"));

    /// <summary>Where scripts/setup.sh put the native speech libraries (services find them through configuration).</summary>
    public static string ToolsDirectory(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["VOICEHELPER_TOOLS_DIR"] is { Length: > 0 } dir ? dir : Path.Combine(builder.RepositoryRoot(), ".tools");

    public static int GatewayPort(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["VOICEHELPER_GATEWAY_PORT"] is { Length: > 0 } port ? int.Parse(port, CultureInfo.InvariantCulture) : 8080;

    /// <summary>
    /// A secret: when run here, generated once and kept in the data folder (owner-only), so the database initialised
    /// with it keeps working across runs; when published, a parameter the deployment fills (generated when it can be).
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddSecret(this IDistributedApplicationBuilder builder, string name, Func<string>? generate = null)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return generate is null
                ? builder.AddResource(ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, name, special: false))
                : builder.AddParameter(name, secret: true);
        }
        var path = Path.Combine(builder.DataDirectory(), "parameters", name);
        return builder.AddParameter(name, () => LoadOrGenerate(path, generate), publishValueAsDefault: false, secret: true);
    }

    /// <summary>32 random bytes, base64: an encryption key.</summary>
    public static string RandomBase64Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string LoadOrGenerate(string path, Func<string>? generate)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = generate?.Invoke() ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(path, value);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return value;
    }

    /// <summary>The Debian package's PostgreSQL binaries (scripts/setup.sh installs them).</summary>
    public static string PostgresBin =>
        Environment.GetEnvironmentVariable("VOICEHELPER_PG_BIN")
        ?? (Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(Directory.Exists)
            : null)
        ?? "/usr/lib/postgresql/15/bin";

    public static bool IsRoot => Environment.UserName == "root";
}
