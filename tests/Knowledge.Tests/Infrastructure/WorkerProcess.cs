using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceHelper.Testing;

namespace VoiceHelper.Knowledge.Tests.Infrastructure;

/// <summary>
/// The real Ingestion worker (its build output) as a child process, so that tests can SIGKILL it mid-document
/// and start it again. Its output is kept for failure messages.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly string _knowledgeDb;
    private readonly string _eventsDb;
    private Process? _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private readonly IReadOnlyDictionary<string, string> _environment;

    private WorkerProcess(string knowledgeDb, string eventsDb, IReadOnlyDictionary<string, string>? environment) =>
        (_knowledgeDb, _eventsDb, _environment) = (knowledgeDb, eventsDb, environment ?? new Dictionary<string, string>());

    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <param name="environment">Extra settings, for example another embedder (<c>Embeddings__Dimensions</c>).</param>
    public static async Task<WorkerProcess> StartAsync(string knowledgeDb, string eventsDb, IReadOnlyDictionary<string, string>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var worker = new WorkerProcess(knowledgeDb, eventsDb, environment);
        await worker.StartAsync(cancellationToken);
        return worker;
    }

    /// <summary>
    /// Starts the worker and waits for it to be healthy. A worker that does not get there is killed before the
    /// exception leaves: the caller never got an object to dispose, so nothing else would stop it.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await StartAndWaitAsync(cancellationToken);
        }
        catch
        {
            Kill();
            throw;
        }
    }

    private async Task StartAndWaitAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WorkerDll());
        start.Environment["ConnectionStrings__knowledgedb"] = _knowledgeDb;
        start.Environment["ConnectionStrings__eventsdb"] = _eventsDb;
        start.Environment["ConnectionStrings__cache"] = TestServers.Redis;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        // The same bus as the service (RabbitMQ namespace named after eventsdb), with short retries and node timeout.
        foreach (var (name, value) in TestBus.ForEventsDb(_eventsDb))
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["Ingestion__EmbedBatchSize"] = "16";
        start.Environment["Ingestion__ReembedInterval"] = "00:00:00.300";
        // As the service in KnowledgeApp: the lexical embedder unless the test names another.
        start.Environment["Embeddings__Provider"] = "hashed-ngram";
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        _process?.Dispose();
        _process = Process.Start(start)!;
        Running.TryAdd(_process, 0);
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _output.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // A busy machine makes the worker slower, not broken: each probe may take as long as a loaded host needs to
        // answer, and the wait ends when the worker is healthy, exits, or the test run is cancelled. The cap only
        // catches a worker that hangs for good.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var cancelled = cancellationToken;
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < deadline)
        {
            cancelled.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The ingestion worker exited with {_process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health", cancelled);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancelled.IsCancellationRequested)
            {
            }
            await Task.Delay(100, cancelled);
        }
        throw new TimeoutException($"The ingestion worker did not become healthy:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crashed pod.</summary>
    public void Kill()
    {
        if (_process is not null)
        {
            KillAndForget(_process);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Every worker this test process started and has not stopped yet. A fixture whose set-up failed is never
    /// disposed by xunit, and a test host that ends early skips disposal altogether: the workers still running are
    /// killed when the test process exits.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Process, byte> Running = new();

    static WorkerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Running.Keys)
        {
            KillAndForget(process);
        }
    };

    private static void KillAndForget(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone (or never started): nothing left to stop.
        }
        Running.TryRemove(process, out _);
    }

    private static string WorkerDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "VoiceHelper.slnx")))
        {
            directory = directory.Parent;
        }
        if (directory is null)
        {
            throw new InvalidOperationException("The repository root was not found above the test output.");
        }
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release" : "Debug";
        var dll = Path.Combine(directory.FullName, "Workers", "Ingestion", "bin", configuration, "net10.0", "VoiceHelper.Ingestion.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Workers/Ingestion first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
