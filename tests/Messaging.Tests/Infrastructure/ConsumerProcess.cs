using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceHelper.Messaging.Tests.Infrastructure;

/// <summary>
/// The test consumer (tests/EventBus.TestConsumer) as a separate operating-system process, so that it can die the way a
/// crashed service dies: <see cref="Kill"/> is SIGKILL, no shutdown hook runs. Disposing kills it if it still runs.
/// </summary>
public sealed class ConsumerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsumerProcess(Process process) => _process = process;

    /// <summary>Starts the consumer with <paramref name="settings"/> (configuration keys) and waits until its bus listens.</summary>
    public static async Task<ConsumerProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string instance, TimeSpan timeout)
    {
        // The referenced program is copied next to the tests with its own runtimeconfig and deps files.
        var program = Path.Combine(AppContext.BaseDirectory, "EventBus.TestConsumer.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { "exec", program },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Consumer__Instance"] = instance;
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // "Application started" marks the end of every hosted service's start: Wolverine's listeners are up by then.
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var consumer = new ConsumerProcess(new Process { StartInfo = start });
        consumer._process.OutputDataReceived += (_, line) => consumer.Collect(line.Data);
        consumer._process.ErrorDataReceived += (_, line) => consumer.Collect(line.Data);
        consumer._process.Start();
        consumer._process.BeginOutputReadLine();
        consumer._process.BeginErrorReadLine();
        try
        {
            var exited = consumer._process.WaitForExitAsync();
            var first = await Task.WhenAny(consumer._started.Task, exited).WaitAsync(timeout);
            if (first == exited)
            {
                throw new InvalidOperationException($"The consumer process exited with {consumer._process.ExitCode}:\n{consumer.Output}");
            }
        }
        catch (TimeoutException)
        {
            await consumer.DisposeAsync();
            throw new TimeoutException($"The consumer process did not start within {timeout.TotalSeconds:0} s:\n{consumer.Output}");
        }
        return consumer;
    }

    public int Id => _process.Id;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join('\n', _output.TakeLast(40));

    /// <summary>SIGKILL (the whole process tree), then waits until the operating system has reaped it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Collect(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
