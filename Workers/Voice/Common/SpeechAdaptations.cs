using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VoiceHelper.Voice.Speech.Adaptation;
using VoiceHelper.Voice.Speech.Hosting;
using VoiceHelper.Voice.Speech.Recognition;

namespace VoiceHelper.Voice.Common;

/// <summary>
/// Each knowledge base's adapted recogniser, keyed by tenant and knowledge base, so one tenant's words never reach
/// another tenant's calls. Builds run in the background one at a time (<see cref="RunAsync"/>); a request for a
/// base already waiting is merged with it. A call never waits: until a build is ready, or when it failed, the call
/// gets the general recogniser.
/// </summary>
public sealed class SpeechAdaptations(
    IServiceProvider services, KnowledgeChunkTexts texts, IOptions<SpeechAdaptationOptions> options, ILogger<SpeechAdaptations> logger) : IDisposable
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Kb), Entry> entries = new();
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Kb), byte> waiting = new();
    private readonly Channel<(Guid Tenant, Guid Kb)> requests = Channel.CreateUnbounded<(Guid, Guid)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock beamGate = new();
    private SherpaOnnxSpeechRecognizer? beam;

    private SpeechAdaptationOptions Settings => options.Value;

    private ISpeechRecognizer General => services.GetRequiredService<ISpeechRecognizer>();

    /// <summary>Asks for a (re)build; returns at once. Bounded: at most one waiting build per knowledge base.</summary>
    public void Request(Guid tenantId, Guid knowledgeBaseId)
    {
        if (!Settings.Enabled)
        {
            return;
        }

        var key = (tenantId, knowledgeBaseId);
        entries.AddOrUpdate(key, _ => new Entry(new SpeechAdaptationStatus("building", null, [], null), null, null),
            (_, current) => current with { Status = current.Status with { Status = "building" } });
        if (waiting.TryAdd(key, 0))
        {
            requests.Writer.TryWrite(key);
        }
    }

    /// <summary>The status of a tenant's knowledge base's adaptation, or null when it has none.</summary>
    public SpeechAdaptationStatus? Status(Guid tenantId, Guid knowledgeBaseId) =>
        entries.TryGetValue((tenantId, knowledgeBaseId), out var entry) ? entry.Status : null;

    /// <summary>
    /// The recogniser for a call over <paramref name="knowledgeBaseIds"/> of <paramref name="tenantId"/>: sherpa-onnx
    /// with the hotwords of every ready base; pocketsphinx adapted to the first ready base; else the general one.
    /// </summary>
    public ISpeechRecognizer For(Guid tenantId, IReadOnlyList<Guid>? knowledgeBaseIds)
    {
        var ready = (knowledgeBaseIds ?? []).Distinct()
            .Select(kb => entries.TryGetValue((tenantId, kb), out var entry) ? entry : null)
            .Where(e => e?.Recognizer is not null).Select(e => e!).ToList();
        if (ready.Count == 0)
        {
            return General;
        }

        if (ready.Count > 1 && Beam() is { } shared)
        {
            return shared.WithHotwords(string.Join('\n', ready.Select(e => e.Build!.Hotwords).Distinct()));
        }

        return ready[0].Recognizer!;
    }

    /// <summary>The background loop (a hosted service runs it): builds requested adaptations one at a time.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await foreach (var key in requests.Reader.ReadAllAsync(stoppingToken))
        {
            waiting.TryRemove(key, out _);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Settings.BuildTimeoutSeconds));
            Entry next;
            try
            {
                next = await BuildAsync(key.Tenant, key.Kb, timeout.Token);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Speech adaptation of knowledge base {KnowledgeBaseId} failed; its calls use the general recogniser.", key.Kb);
                var error = ex is OperationCanceledException ? $"The build took longer than {Settings.BuildTimeoutSeconds} s." : ex.Message;
                next = new Entry(new SpeechAdaptationStatus("failed", null, [], error), null, null);
            }

            if (entries.TryGetValue(key, out var previous))
            {
                Release(previous);
            }

            entries[key] = next;
        }
    }

    public void Dispose()
    {
        foreach (var entry in entries.Values)
        {
            Release(entry);
        }

        beam?.Dispose();
    }

    private async Task<Entry> BuildAsync(Guid tenantId, Guid knowledgeBaseId, CancellationToken cancellationToken)
    {
        var chunks = await texts.ReadAsync(tenantId, knowledgeBaseId, Settings.MaxChunks, cancellationToken);
        if (chunks.Count == 0)
        {
            return new Entry(new SpeechAdaptationStatus("empty", DateTimeOffset.UtcNow, [], null), null, null);
        }

        var sphinx = services.GetRequiredService<IOptions<PocketsphinxOptions>>().Value;
        var directory = Path.Combine(Root(), tenantId.ToString("N"), knowledgeBaseId.ToString("N"), Guid.CreateVersion7().ToString("N"));
        var build = await SpeechAdaptationBuild.CreateAsync(chunks, directory, Path.Combine(sphinx.ModelDirectory, sphinx.Dictionary),
            Settings.DomainWeight, Settings.MaxTerms, cancellationToken);
        try
        {
            // Loading the adapted decoder (about a second) happens here, not in the first call that uses it.
            ISpeechRecognizer recognizer = General is SherpaOnnxSpeechRecognizer
                ? Beam()!.WithHotwords(build.Hotwords)
                : await Task.Run(() => new PocketsphinxSpeechRecognizer(
                    sphinx, services.GetRequiredService<SpeechWorkPool>(), build.Pocketsphinx), cancellationToken);
            return new Entry(new SpeechAdaptationStatus("ready", DateTimeOffset.UtcNow, build.Terms, null), build, recognizer);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    /// <summary>The one beam-search sherpa-onnx recogniser all hotword streams share (null when sherpa-onnx is not the engine).</summary>
    private SherpaOnnxSpeechRecognizer? Beam()
    {
        if (General is not SherpaOnnxSpeechRecognizer)
        {
            return null;
        }

        lock (beamGate)
        {
            if (beam is null)
            {
                var settings = services.GetRequiredService<IOptions<RecognizerOptions>>().Value;
                var vocabulary = Path.Combine(Root(), "bpe.vocab");
                Directory.CreateDirectory(Root());
                BpeVocabulary.Write(Path.Combine(settings.ModelDirectory!, settings.Tokens), vocabulary);
                beam = new SherpaOnnxSpeechRecognizer(settings, services.GetRequiredService<SpeechWorkPool>(), vocabulary);
            }

            return beam;
        }
    }

    private string Root() => Settings.Directory ?? Path.Combine(Path.GetTempPath(), "voicehelper-adaptations");

    private static void Release(Entry entry)
    {
        // Calls still holding a decoder keep it until they end; the recogniser frees it then.
        (entry.Recognizer as IDisposable)?.Dispose();
        if (entry.Build is not null)
        {
            TryDelete(entry.Build.Directory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private sealed record Entry(SpeechAdaptationStatus Status, SpeechAdaptationBuild? Build, ISpeechRecognizer? Recognizer);
}
