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
/// gets the general recogniser. Adaptations live in memory: after a restart, the first call over a knowledge base
/// asks for its build (and goes on with the general recogniser). A call over several knowledge bases gets, for
/// pocketsphinx, one adaptation built over all their text (asked for by the first such call, at most
/// <see cref="SpeechAdaptationOptions.MaxCombined"/> kept), and for sherpa-onnx the hotwords of all of them.
/// </summary>
public sealed class SpeechAdaptations(
    IServiceProvider services, KnowledgeChunkTexts texts, IOptions<SpeechAdaptationOptions> options, ILogger<SpeechAdaptations> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Key, Entry> entries = new();
    private readonly ConcurrentDictionary<Key, byte> waiting = new();
    private readonly Channel<Key> requests = Channel.CreateUnbounded<Key>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock beamGate = new();
    private SherpaOnnxSpeechRecognizer? beam;

    private SpeechAdaptationOptions Settings => options.Value;

    private ISpeechRecognizer General => services.GetRequiredService<ISpeechRecognizer>();

    /// <summary>
    /// Asks for a (re)build of a knowledge base's adaptation; returns at once. Bounded: at most one waiting build per
    /// knowledge base. The combined adaptations that include it are dropped (the next call over them asks again).
    /// </summary>
    public void Request(Guid tenantId, Guid knowledgeBaseId)
    {
        if (!Settings.Enabled)
        {
            return;
        }

        foreach (var combined in entries.Keys.Where(k => k.Tenant == tenantId && k.Bases.Count > 1 && k.Bases.Contains(knowledgeBaseId)))
        {
            if (entries.TryRemove(combined, out var stale))
            {
                Release(stale);
            }
        }

        Enqueue(new Key(tenantId, [knowledgeBaseId]));
    }

    /// <summary>The status of a tenant's knowledge base's adaptation, or null when it has none.</summary>
    public SpeechAdaptationStatus? Status(Guid tenantId, Guid knowledgeBaseId) =>
        entries.TryGetValue(new Key(tenantId, [knowledgeBaseId]), out var entry) ? entry.Status : null;

    /// <summary>
    /// The recogniser for a call over <paramref name="knowledgeBaseIds"/> of <paramref name="tenantId"/>: sherpa-onnx
    /// with the hotwords of every ready base; pocketsphinx adapted to all of them (until that is built, to the first
    /// ready one); else the general one. A base with no adaptation yet (after a restart) is asked for, never waited for.
    /// </summary>
    public ISpeechRecognizer For(Guid tenantId, IReadOnlyList<Guid>? knowledgeBaseIds)
    {
        var bases = (knowledgeBaseIds ?? []).Distinct().Order().Take(Settings.MaxBasesPerCall).ToList();
        if (bases.Count == 0 || !Settings.Enabled)
        {
            return General;
        }

        var single = bases.Select(kb => new Key(tenantId, [kb])).ToList();
        foreach (var key in single.Where(k => !entries.ContainsKey(k)))
        {
            Enqueue(key);
        }

        var ready = single.Select(k => entries.TryGetValue(k, out var entry) ? entry : null)
            .Where(e => e?.Recognizer is not null).Select(e => e!).ToList();
        if (Beam() is { } shared)
        {
            return ready.Count switch
            {
                0 => General,
                1 => ready[0].Recognizer!,
                _ => shared.WithHotwords(string.Join('\n', ready.Select(e => e.Build!.Hotwords).Distinct())),
            };
        }

        if (bases.Count > 1)
        {
            var all = new Key(tenantId, bases);
            if (entries.TryGetValue(all, out var combined))
            {
                if (combined.Recognizer is not null)
                {
                    return combined.Recognizer;
                }
            }
            else if (entries.Keys.Count(k => k.Bases.Count > 1) < Settings.MaxCombined)
            {
                Enqueue(all);
            }
        }

        return ready.Count > 0 ? ready[0].Recognizer! : General;
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
                next = await BuildAsync(key, timeout.Token);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Speech adaptation of knowledge bases {KnowledgeBaseIds} failed; their calls use the general recogniser.", key.Bases);
                var error = ex is OperationCanceledException ? $"The build took longer than {Settings.BuildTimeoutSeconds} s." : ex.Message;
                next = new Entry(new SpeechAdaptationStatus("failed", null, [], error), null, null);
            }

            // A combined adaptation dropped (one of its bases changed) while it was building is stale: not kept.
            if (key.Bases.Count > 1 && !entries.ContainsKey(key))
            {
                Release(next);
                continue;
            }

            if (entries.TryGetValue(key, out var previous))
            {
                Release(previous);
            }

            // No text (a knowledge base emptied, or an id the tenant does not own named by a call): nothing is kept, so
            // ids a caller makes up cost no memory and read as unknown (404), like another tenant's.
            if (next.Build is null && next.Status.Status == "empty")
            {
                entries.TryRemove(key, out _);
                continue;
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

    private void Enqueue(Key key)
    {
        entries.AddOrUpdate(key, _ => new Entry(new SpeechAdaptationStatus("building", null, [], null), null, null),
            (_, current) => current with { Status = current.Status with { Status = "building" } });
        if (waiting.TryAdd(key, 0))
        {
            requests.Writer.TryWrite(key);
        }
    }

    private async Task<Entry> BuildAsync(Key key, CancellationToken cancellationToken)
    {
        var chunks = await texts.ReadAsync(key.Tenant, key.Bases, Settings.MaxChunks, cancellationToken);
        if (chunks.Count == 0)
        {
            return new Entry(new SpeechAdaptationStatus("empty", DateTimeOffset.UtcNow, [], null), null, null);
        }

        var sphinx = services.GetRequiredService<IOptions<PocketsphinxOptions>>().Value;
        var directory = Path.Combine(Root(), key.Tenant.ToString("N"), string.Join('-', key.Bases.Select(b => b.ToString("N"))), Guid.CreateVersion7().ToString("N"));
        var build = await SpeechAdaptationBuild.CreateAsync(chunks, directory, Path.Combine(sphinx.ModelDirectory, sphinx.Dictionary),
            Settings.DomainWeight, Settings.MaxTerms, cancellationToken);
        try
        {
            // Loading the adapted decoder (about a second) happens here, not in the first call that uses it.
            ISpeechRecognizer recognizer = General is SherpaOnnxSpeechRecognizer
                ? Beam()!.WithHotwords(build.Hotwords)
                : await Task.Run(() => new PocketsphinxSpeechRecognizer(
                    sphinx, services.GetRequiredService<SpeechWorkPool>(), build.Pocketsphinx with { Search = Settings.PocketsphinxSearch() }), cancellationToken);
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

    /// <summary>A tenant's knowledge base, or several (ordered), whose text one adaptation is built from.</summary>
    private sealed record Key(Guid Tenant, IReadOnlyList<Guid> Bases)
    {
        public bool Equals(Key? other) => other is not null && other.Tenant == Tenant && other.Bases.SequenceEqual(Bases);

        public override int GetHashCode() => Bases.Aggregate(Tenant.GetHashCode(), HashCode.Combine);
    }
}
