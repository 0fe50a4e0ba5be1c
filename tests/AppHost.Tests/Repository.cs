using System.Net;
using System.Net.Sockets;

namespace VoiceHelper.AppHost.Tests;

internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VoiceHelper.slnx")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException("Repository root not found.");
        }
    }

    /// <summary>The AppHost's own build output (apphost executable), in the configuration the tests were built in.</summary>
    public static string AppHostExecutable
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Root, "VoiceHelper.AppHost", "bin", configuration, "net10.0", "VoiceHelper.AppHost");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
