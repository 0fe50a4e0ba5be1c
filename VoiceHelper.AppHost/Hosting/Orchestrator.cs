using System.Diagnostics;
using System.Runtime.InteropServices;

namespace VoiceHelper.AppHost.Hosting;

/// <summary>
/// The local profile: starts every resource as a child process once what it waits for is healthy, restarts
/// crashed ones with back-off, prints where everything is, and stops all of it on Ctrl+C or SIGTERM.
/// </summary>
internal sealed class Orchestrator(AppModel model) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Resource, TaskCompletionSource> _healthy = [];
    private readonly Dictionary<Resource, ChildProcess?> _processes = [];
    private readonly Dictionary<Resource, string> _states = [];
    private readonly Lock _gate = new();

    public async Task<int> RunAsync()
    {
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        Log($"data folder {model.DataDirectory}");
        var resources = model.Runnable.ToList();
        foreach (var resource in resources)
        {
            _healthy[resource] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            SetState(resource, "waiting");
        }
        var clock = Stopwatch.StartNew();
        var supervisors = resources.Select(Supervise).ToList();
        var allHealthy = Task.WhenAll(_healthy.Values.Select(t => t.Task));
        var first = await Task.WhenAny(allHealthy, Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        if (first == allHealthy && !_stopping.IsCancellationRequested)
        {
            Log($"all resources healthy in {clock.Elapsed.TotalSeconds:F1} s");
            PrintTable();
            var gateway = resources.OfType<NginxGatewayResource>().FirstOrDefault();
            if (gateway is not null)
            {
                Log($"VoiceHelper is ready at {gateway.Http!.Url} (Ctrl+C to stop)");
            }
        }
        try
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await StopAllAsync(resources);
        await Task.WhenAll(supervisors);
        Log("stopped");
        return 0;
    }

    private void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        Log($"{context.Signal} received, stopping");
        _stopping.Cancel();
    }

    private async Task Supervise(Resource resource)
    {
        var backoff = TimeSpan.FromSeconds(1);
        try
        {
            await Task.WhenAll(resource.WaitsFor.Select(w => _healthy[w].Task)).WaitAsync(_stopping.Token);
            var everReady = false;
            while (!_stopping.IsCancellationRequested)
            {
                SetState(resource, "starting");
                var spec = await resource.PrepareAsync(model, _stopping.Token);
                var child = ChildProcess.Start(resource.Name, spec);
                lock (_gate)
                {
                    _processes[resource] = child;
                }
                var started = Stopwatch.StartNew();
                var exited = child.WaitForExitAsync(CancellationToken.None);
                if (await WaitHealthy(resource, exited))
                {
                    if (!everReady)
                    {
                        await resource.OnReadyAsync(_stopping.Token);
                        everReady = true;
                    }
                    SetState(resource, $"running (pid {child.Id})");
                    _healthy[resource].TrySetResult();
                }
                await exited;
                if (_stopping.IsCancellationRequested)
                {
                    break;
                }
                SetState(resource, $"exited ({child.ExitCode})");
                if (started.Elapsed > TimeSpan.FromMinutes(1))
                {
                    backoff = TimeSpan.FromSeconds(1);
                }
                Log($"{resource.Name} exited with code {child.ExitCode}; restarting in {backoff.TotalSeconds:F0} s");
                await Task.Delay(backoff, _stopping.Token);
                backoff = TimeSpan.FromSeconds(Math.Min(30, backoff.TotalSeconds * 2));
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
        {
            SetState(resource, "failed");
            Log($"{resource.Name} failed to start: {ex.Message}");
        }
    }

    private async Task<bool> WaitHealthy(Resource resource, Task exited)
    {
        var deadline = Stopwatch.StartNew();
        while (!exited.IsCompleted && !_stopping.IsCancellationRequested && deadline.Elapsed < StartTimeout)
        {
            if (await resource.IsHealthyAsync(_stopping.Token))
            {
                return true;
            }
            await Task.WhenAny(exited, Task.Delay(250, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        }
        if (!exited.IsCompleted && !_stopping.IsCancellationRequested)
        {
            Log($"{resource.Name} did not become healthy within {StartTimeout.TotalSeconds:F0} s");
        }
        return false;
    }

    /// <summary>Dependents first (the gateway, then services, then the servers they use), each level in parallel.</summary>
    private async Task StopAllAsync(List<Resource> resources)
    {
        var levels = resources.ToDictionary(r => r, Level);
        foreach (var level in levels.GroupBy(l => l.Value).OrderByDescending(g => g.Key))
        {
            await Task.WhenAll(level.Select(async entry =>
            {
                ChildProcess? child;
                lock (_gate)
                {
                    child = _processes.GetValueOrDefault(entry.Key);
                }
                if (child is not null)
                {
                    await child.StopAsync(entry.Key.StopSignal, StopGrace);
                    child.Dispose();
                }
                SetState(entry.Key, "stopped");
            }));
        }
    }

    private static int Level(Resource resource) =>
        resource.WaitsFor.Count == 0 ? 0 : 1 + resource.WaitsFor.Max(Level);

    private void SetState(Resource resource, string state)
    {
        lock (_gate)
        {
            _states[resource] = state;
        }
    }

    private void PrintTable()
    {
        var rows = new List<string[]> { new[] { "RESOURCE", "TYPE", "ENDPOINT", "STATE" } };
        lock (_gate)
        {
            foreach (var resource in model.Runnable)
            {
                var endpoint = resource switch
                {
                    PostgresServerResource p => $"tcp://127.0.0.1:{p.Tcp.Port} ({string.Join(", ", p.Databases.Select(d => d.Name))})",
                    RedisResource r => $"tcp://127.0.0.1:{r.Tcp.Port}",
                    _ => resource.Http?.Url ?? "",
                };
                var type = resource switch
                {
                    PostgresServerResource => "postgres",
                    RedisResource => "redis",
                    NginxGatewayResource => "gateway",
                    _ => "project",
                };
                rows.Add([resource.Name, type, endpoint, _states[resource]]);
            }
        }
        var widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var row in rows)
        {
            Log(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))));
        }
    }

    private static void Log(string message) => ChildProcess.Write("apphost", message);

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
