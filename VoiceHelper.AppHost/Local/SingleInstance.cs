using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.AppHost.Local;

/// <summary>
/// One AppHost per data folder: a second <c>dotnet run</c> fails at once with a clear message instead of starting
/// a second PostgreSQL on the same files or waiting for a gateway port it will never get.
/// </summary>
public static class SingleInstance
{
    private static readonly Dictionary<string, FileStream> Held = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>Takes the data folder's lock (released when the process ends, however it ends) and checks the gateway port.</summary>
    public static void Claim(IDistributedApplicationBuilder builder)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return;
        }
        var data = builder.DataDirectory();
        var path = Path.Combine(data, "apphost.lock");
        lock (Gate)
        {
            if (Held.ContainsKey(path))
            {
                return;
            }
            Directory.CreateDirectory(data);
            // The postgres user must reach its folder below this one.
            File.SetUnixFileMode(data, (UnixFileMode)0x1ED);
            try
            {
                // On Linux .NET takes an advisory flock for FileShare.None; the kernel drops it with the process.
                Held[path] = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(Path.Combine(data, "apphost.pid"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                var pidFile = Path.Combine(data, "apphost.pid");
                var owner = File.Exists(pidFile) ? File.ReadAllText(pidFile).Trim() : "?";
                throw new InvalidOperationException(
                    $"VoiceHelper is already running with the data folder {data} (AppHost process {owner}). "
                    + "Stop it first (Ctrl+C in its terminal), or give this run its own VOICEHELPER_DATA_DIR and VOICEHELPER_GATEWAY_PORT.");
            }
        }
        var port = builder.GatewayPort();
        if (!PortIsFree(port))
        {
            throw new InvalidOperationException(
                $"The gateway port {port} is already in use on 127.0.0.1. Stop what holds it, or set VOICEHELPER_GATEWAY_PORT to a free port.");
        }
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
