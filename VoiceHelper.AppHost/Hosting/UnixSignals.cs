using System.Runtime.InteropServices;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>Process.Kill only sends SIGKILL; a clean stop needs the server's own shutdown signal.</summary>
public static partial class UnixSignals
{
    public const int SIGINT = 2;
    public const int SIGQUIT = 3;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
