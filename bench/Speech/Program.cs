using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.Speech.Bench;
using VoiceHelper.Voice.Speech.Recognition;
using VoiceHelper.Voice.Speech.Synthesis;

// Speech engine benchmark: prints Markdown tables. Needs VOICEHELPER_TOOLS_DIR and
// VOICEHELPER_MODELS_DIR like the worker. Usage: dotnet run --project bench/Speech [-- OUTPUT_DIR]
if (args.Length >= 2 && args[0] == RealTimeFactorBench.WorkerFlag)
{
    var speechFile = args[2];
    var samples = VoiceHelper.Voice.Speech.Audio.WavFile.Read(speechFile).Samples;
    var copies = int.Parse(args[1], CultureInfo.InvariantCulture);
    RealTimeFactorBench.PrintRows(await RealTimeFactorBench.MeasureAsync(copies, samples, WavSetGenerator.Sentences));
    return;
}

if (args.Length == 2 && args[0] == AnswerBench.Flag)
{
    // Issue 20: "answer contains the right fact" over an adaptation run's transcripts (bench/Speech/run-answers.sh DIR).
    await AnswerBench.RunAsync(args[1]);
    return;
}

if (args.Length >= 1 && args[0] == "--adaptation-cost")
{
    // Issue 20: what a build costs at 1,000 and 10,000 chunks, alone in its process: bench/Speech -- --adaptation-cost [OUTPUT_DIR]
    await AdaptationBench.BuildCostAsync(args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "voicehelper-adaptation-cost"));
    return;
}

if (args.Contains(AdaptationBench.Flag))
{
    // Issue 20: recognition adapted per knowledge base, general vs adapted: bench/Speech -- --adaptation [OUTPUT_DIR]
    // Options: --split dev|held-out, --weight W (pocketsphinx domain weight), --score S (hotwords score), --only NAME[|NAME...] (recognisers whose name contains one),
    // --search "lw=8 bestpathlw=9.5" (adapted pocketsphinx search arguments), --sweep "w=0.5 lw=8;w=0.6 wip=0.2" (more adapted
    // pocketsphinx settings side by side), --hotwords "1.5:4;3:8" (hotwords score:max active paths), --no-cost (skip the build cost),
    // --prime (each question after a primer sentence in the same stream: not the call's first words).
    string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    var rest = args.Where((a, i) => a != AdaptationBench.Flag && a is not ("--no-cost" or "--prime") && !a.StartsWith("--", StringComparison.Ordinal)
        && (i == 0 || !args[i - 1].StartsWith("--", StringComparison.Ordinal) || args[i - 1] is AdaptationBench.Flag or "--no-cost" or "--prime")).ToArray();
    var weight = Option("--weight") is { } w ? float.Parse(w, CultureInfo.InvariantCulture) : new VoiceHelper.Voice.Common.SpeechAdaptationOptions().DomainWeight;
    await AdaptationBench.RunAsync(rest.Length > 0 ? rest[0] : Path.Combine(Path.GetTempPath(), "voicehelper-adaptation-bench"), Option("--split"),
        weight, float.Parse(Option("--score") ?? "1.5", CultureInfo.InvariantCulture), Option("--only"),
        Option("--search") is { } search ? PocketsphinxSetting.Parse(search, weight).Search : new VoiceHelper.Voice.Common.SpeechAdaptationOptions().PocketsphinxSearch(),
        Option("--sweep")?.Split(';').Select(s => PocketsphinxSetting.Parse(s, weight)).ToList(),
        Option("--hotwords")?.Split(';').Select(h => h.Split(':')).Select(h => (float.Parse(h[0], CultureInfo.InvariantCulture), int.Parse(h[1], CultureInfo.InvariantCulture))).ToList(),
        buildCost: !args.Contains("--no-cost"), prime: args.Contains("--prime"));
    return;
}

var stagesOnly = args.Contains("--stages");
args = [.. args.Where(a => a != "--stages")];
var output = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "voicehelper-speech-bench");
Console.WriteLine($"# Speech engines benchmark ({Environment.ProcessorCount} cores visible, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
Console.WriteLine($"WAV set: {output}");

var clips = await WavSetGenerator.GenerateAsync(output);
var continuous = clips.Where(c => c.Voice.StartsWith("espeak-ng en-us", StringComparison.Ordinal))
    .SelectMany(c => c.Audio.Samples.Concat(new float[8_000])).ToArray();
var speechPath = Path.Combine(output, "rtf-speech.wav");
VoiceHelper.Voice.Speech.Audio.WavFile.Write(speechPath, new VoiceHelper.Voice.Speech.Audio.AudioClip(continuous, 16_000));

if (stagesOnly)
{
    // What a voice call costs per stage (VAD, recognisers) at 1 and 50 calls: bench/Speech -- --stages
    using var engines = BenchHost.Build("SherpaOnnx", Environment.ProcessorCount);
    using var sphinxEngines = BenchHost.Build("Pocketsphinx", Environment.ProcessorCount);
    var stageRecognizers = new[] { engines.Services.GetRequiredService<ISpeechRecognizer>(), sphinxEngines.Services.GetRequiredService<ISpeechRecognizer>() };
    var vad = engines.Services.GetRequiredService<VoiceHelper.Voice.Speech.Vad.IVoiceActivityDetector>();
    var tenSeconds = continuous[..(16_000 * 10)];
    await CallStageCostBench.RunAsync(tenSeconds[..16_000], vad, stageRecognizers, 1); // warm-up: models and JIT
    await CallStageCostBench.RunAsync(tenSeconds, vad, stageRecognizers, 1);
    await CallStageCostBench.RunAsync(tenSeconds, vad, stageRecognizers[..1], 50); // pocketsphinx holds a few calls, not 50
    return;
}

// 1. Real-time factor on one core and on two, each in a child pinned with taskset.
var rtf = new Table($"Real-time factor per engine ({continuous.Length / 16_000.0:F1} s of speech; lower is faster; 2 cores = 2 streams at once; load average {LoadAverage()})",
    ["engine", "CPU s per audio s", "RTF wall, 1 core", "RTF wall, 2 cores", "streams per 2 cores (wall)"]);
var one = await RunPinnedAsync("0", 1, speechPath);
var two = await RunPinnedAsync("0,1", 2, speechPath);
foreach (var (engine, single) in one)
{
    var pair = two.GetValueOrDefault(engine, new RtfSample(double.NaN, double.NaN));
    rtf.Add(engine, F4(single.Cpu), F4(single.Wall), F4(pair.Wall), (1 / pair.Wall).ToString("F0", CultureInfo.InvariantCulture));
}

rtf.Print();

using var sherpa = BenchHost.Build("SherpaOnnx", Environment.ProcessorCount);
using var sphinx = BenchHost.Build("Pocketsphinx", Environment.ProcessorCount);
var sherpaRecognizer = sherpa.Services.GetRequiredService<ISpeechRecognizer>();
var pocketsphinx = sphinx.Services.GetRequiredService<ISpeechRecognizer>();

// 2. Word error rate of each recogniser.
await WerBench.RunAsync(clips, sherpaRecognizer, pocketsphinx);

// 3. Concurrent real-time streams.
var eightSeconds = continuous[..(16_000 * 8)];
Console.WriteLine();
Console.WriteLine($"Load average before the stream tests: {LoadAverage()}");
await ConcurrencyBench.RunAsync(sherpaRecognizer, eightSeconds, cap: 160);
await ConcurrencyBench.RunAsync(pocketsphinx, eightSeconds, cap: 24);

// 4. Synthesis time to first audio.
await SynthesisLatencyBench.RunAsync(sherpa.Services.GetRequiredService<ISpeechSynthesizer>());

static string F4(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

// Other work on a shared machine inflates wall times; print how busy it was next to them.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static async Task<Dictionary<string, RtfSample>> RunPinnedAsync(string cpus, int copies, string speechPath)
{
    var start = new ProcessStartInfo("taskset") { RedirectStandardOutput = true };
    // Run as "dotnet Speech.Bench.dll" or as the apphost: re-launch the same way.
    var host = Environment.ProcessPath!;
    string[] self = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [host, typeof(Table).Assembly.Location] : [host];
    foreach (var argument in (string[])["-c", cpus, .. self, RealTimeFactorBench.WorkerFlag, copies.ToString(CultureInfo.InvariantCulture), speechPath])
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException("taskset did not start.");
    var results = new Dictionary<string, RtfSample>();
    while (await process.StandardOutput.ReadLineAsync() is { } line)
    {
        var parts = line.Split('|');
        if (parts is ["RTF", var engine, var wall, var cpu])
        {
            results[engine] = new RtfSample(double.Parse(wall, CultureInfo.InvariantCulture), double.Parse(cpu, CultureInfo.InvariantCulture));
        }
    }

    await process.WaitForExitAsync();
    return results;
}
