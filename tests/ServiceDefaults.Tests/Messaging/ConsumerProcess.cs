using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

/// <summary>The EventBus.TestConsumer program as a real child process whose stdout lines the test can wait for.</summary>
public sealed class ConsumerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private ConsumerProcess(Process process) => _process = process;

    public int Id => _process.Id;
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public static ConsumerProcess Start(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [DllPath()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = new Process { StartInfo = start };
        var consumer = new ConsumerProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                consumer._lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                consumer._lines.Enqueue("stderr: " + e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return consumer;
    }

    public async Task WaitForLineAsync(string line, TimeSpan timeout)
    {
        await Eventually.UntilAsync(() => _lines.Contains(line) || _process.HasExited, timeout, $"the consumer prints '{line}'");
        if (!_lines.Contains(line))
        {
            throw new InvalidOperationException($"The consumer exited without printing '{line}':\n{string.Join('\n', _lines)}");
        }
    }

    /// <summary>SIGKILL: no shutdown hook runs, no lease is handed back, nothing is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    /// <summary>The consumer's build output next to this test project's, for the same configuration and framework.</summary>
    private static string DllPath()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent!.Name;
        var testsDir = output.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(testsDir, "EventBus.TestConsumer", "bin", configuration, framework, "EventBus.TestConsumer.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/EventBus.TestConsumer first.", path);
    }
}
