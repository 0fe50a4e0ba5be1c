namespace VoiceHelper.AppHost.Hosting;

/// <summary>Finds the Debian-packaged server binaries the local profile runs (installed by scripts/setup.sh).</summary>
public static class HostTools
{
    public static bool IsRoot => Environment.UserName == "root";

    public static string PostgresBin =>
        Environment.GetEnvironmentVariable("VOICEHELPER_PG_BIN")
        ?? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(Directory.Exists)
        ?? throw new InvalidOperationException("PostgreSQL server binaries not found: run scripts/setup.sh.");

    public static string Require(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin").Split(':')
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"'{command}' not found on PATH: run scripts/setup.sh.");

    /// <summary>PostgreSQL refuses to run as root, so as root the server runs as the postgres user (setpriv execs, no extra process).</summary>
    public static (string File, List<string> Args) AsPostgresUser(string file, IEnumerable<string> args) =>
        IsRoot
            ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", file, .. args])
            : (file, [.. args]);
}
