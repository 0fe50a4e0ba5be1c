using System.Diagnostics;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>One running child: its output prefixed with the resource name, stopped by its own signal then SIGKILL.</summary>
internal sealed class ChildProcess : IDisposable
{
    private static readonly Lock ConsoleGate = new();
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string name, LaunchSpec spec)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in spec.Arguments)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in spec.Environment)
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(name, e.Data);
        process.ErrorDataReceived += (_, e) => Write(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(process);
    }

    public static void Write(string name, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (ConsoleGate)
        {
            Console.Out.WriteLine($"[{name}] {line}");
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }
        UnixSignals.Send(_process.Id, signal);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public void Dispose() => _process.Dispose();
}
