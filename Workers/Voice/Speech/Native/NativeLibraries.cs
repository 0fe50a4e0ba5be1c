using System.Reflection;
using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native;

/// <summary>
/// Resolves the native speech libraries for this assembly's <c>LibraryImport</c>s, so the worker
/// never depends on LD_LIBRARY_PATH: sherpa-onnx comes from a configured directory (npm puts it in
/// <c>.tools</c>), the Debian engines by their sonames through the normal loader search.
/// </summary>
internal static class NativeLibraries
{
    public const string SherpaOnnx = "sherpa-onnx-c-api";
    public const string Pocketsphinx = "pocketsphinx";
    public const string SphinxBase = "sphinxbase";
    public const string EspeakNg = "espeak-ng";

    public const string SherpaOnnxFileName = "libsherpa-onnx-c-api.so";
    public const string OnnxRuntimeFileName = "libonnxruntime.so";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, IntPtr> Loaded = new(StringComparer.Ordinal);
    private static string? sherpaDirectory;
    private static bool resolverSet;

    /// <summary>Where sherpa-onnx lives. The first directory that loads wins: a process can hold one copy.</summary>
    public static void UseSherpaOnnxDirectory(string directory)
    {
        lock (Gate)
        {
            EnsureResolver();
            sherpaDirectory ??= directory;
        }
    }

    /// <summary>Loads a library now, so a missing file fails at start-up with a clear message.</summary>
    public static void Preload(string name)
    {
        lock (Gate)
        {
            EnsureResolver();
            _ = LoadLocked(name);
        }
    }

    private static void EnsureResolver()
    {
        if (resolverSet)
        {
            return;
        }

        // An assembly can have exactly one resolver, so every speech library goes through this one.
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        resolverSet = true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        lock (Gate)
        {
            return libraryName switch
            {
                SherpaOnnx or Pocketsphinx or SphinxBase or EspeakNg => LoadLocked(libraryName),
                _ => IntPtr.Zero,
            };
        }
    }

    private static IntPtr LoadLocked(string name)
    {
        if (Loaded.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var handle = name switch
        {
            SherpaOnnx => LoadSherpaOnnx(),
            Pocketsphinx => LoadSystem("libpocketsphinx.so.3", "libpocketsphinx3"),
            SphinxBase => LoadSystem("libsphinxbase.so.3", "libsphinxbase3"),
            EspeakNg => LoadSystem("libespeak-ng.so.1", "libespeak-ng1"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown speech library."),
        };
        Loaded[name] = handle;
        return handle;
    }

    private static IntPtr LoadSherpaOnnx()
    {
        var directory = sherpaDirectory ?? throw new SpeechConfigurationException(
            "The sherpa-onnx library directory is not configured: set Speech:SherpaOnnx:LibraryDirectory or "
            + "VOICEHELPER_TOOLS_DIR, after running scripts/setup.sh.");
        var api = Path.Combine(directory, SherpaOnnxFileName);
        var runtime = Path.Combine(directory, OnnxRuntimeFileName);
        foreach (var file in new[] { runtime, api })
        {
            if (!File.Exists(file))
            {
                throw new SpeechConfigurationException(
                    $"sherpa-onnx native library not found: {file}. Run scripts/setup.sh (it installs npm "
                    + "sherpa-onnx-linux-x64@1.13.8 into .tools/node_modules) or set Speech:SherpaOnnx:LibraryDirectory.");
            }
        }

        // The C API library needs onnxruntime; loading it first by full path means the dynamic loader
        // finds it already mapped instead of searching LD_LIBRARY_PATH.
        _ = NativeLibrary.Load(runtime);
        return NativeLibrary.Load(api);
    }

    private static IntPtr LoadSystem(string soname, string package)
    {
        if (NativeLibrary.TryLoad(soname, out var handle))
        {
            return handle;
        }

        throw new SpeechConfigurationException(
            $"Native library {soname} not found. Run scripts/setup.sh (it installs the Debian package {package}).");
    }
}
