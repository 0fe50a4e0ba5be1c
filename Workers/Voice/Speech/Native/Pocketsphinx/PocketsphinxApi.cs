using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.Pocketsphinx;

/// <summary>
/// Debian bookworm's pocketsphinx 0.8+5prealpha (<c>/usr/include/pocketsphinx/pocketsphinx.h</c>) and the
/// sphinxbase command-line parser it is configured through. Bookworm predates the 5.0
/// <c>ps_config_*</c> API, so the config is a <c>cmd_ln_t</c> built with the non-variadic
/// <c>cmd_ln_parse_r</c> (a variadic P/Invoke would be ABI guesswork).
/// </summary>
internal static unsafe partial class PocketsphinxApi
{
    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial IntPtr ps_args();

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial PocketsphinxDecoderHandle ps_init(CommandLineHandle config);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial int ps_free(IntPtr decoder);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial int ps_start_utt(PocketsphinxDecoderHandle decoder);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial int ps_process_raw(PocketsphinxDecoderHandle decoder, short* data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial int ps_end_utt(PocketsphinxDecoderHandle decoder);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial IntPtr ps_get_hyp(PocketsphinxDecoderHandle decoder, int* bestScore);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial byte ps_get_in_speech(PocketsphinxDecoderHandle decoder);

    /// <summary>The decoder's feature computation (a <see cref="SphinxFeature"/>), owned by the decoder.</summary>
    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial SphinxFeature* ps_get_feat(PocketsphinxDecoderHandle decoder);

    /// <summary>Reads the live cepstral mean (<c>cmn_t.veclen</c> floats; mfcc_t is float without FIXED_POINT, as Debian builds it).</summary>
    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial void cmn_live_get(SphinxCmn* cmn, float* vector);

    /// <summary>Sets the live cepstral mean and restarts its running sum from it: the decoder forgets the audio it adapted to.</summary>
    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial void cmn_live_set(SphinxCmn* cmn, float* vector);

    /// <summary>Recomputes the live mean from the running sum (pocketsphinx itself does so only when an utterance ends).</summary>
    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial void cmn_live_update(SphinxCmn* cmn);

    /// <summary>The process-wide log stream; null turns logging off.</summary>
    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial void err_set_logfp(IntPtr stream);

    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial CommandLineHandle cmd_ln_parse_r(IntPtr previous, IntPtr definitions, int argc, IntPtr* argv, int strict);

    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial int cmd_ln_free_r(IntPtr config);

    // Adaptation (a knowledge base's language model mixed with the general one, and its words).
    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial IntPtr ps_get_config(PocketsphinxDecoderHandle decoder);

    [LibraryImport(NativeLibraries.Pocketsphinx)]
    public static partial IntPtr ps_get_logmath(PocketsphinxDecoderHandle decoder);

    /// <summary>Adds a word with its phones (CMU, space-separated); with <paramref name="update"/> 0 searches are rebuilt later by <c>ps_set_lm</c>.</summary>
    [LibraryImport(NativeLibraries.Pocketsphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_add_word(PocketsphinxDecoderHandle decoder, string word, string phones, int update);

    /// <summary>Adds an n-gram search over <paramref name="model"/> (the decoder retains it).</summary>
    [LibraryImport(NativeLibraries.Pocketsphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_lm(PocketsphinxDecoderHandle decoder, string name, IntPtr model);

    [LibraryImport(NativeLibraries.Pocketsphinx, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ps_set_search(PocketsphinxDecoderHandle decoder, string name);

    /// <summary><c>ngram_model_read</c>; <paramref name="fileType"/> 0 = by extension, 1 = ARPA, 2 = binary.</summary>
    [LibraryImport(NativeLibraries.SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ngram_model_read(IntPtr config, string path, int fileType, IntPtr logmath);

    /// <summary>An interpolated set of models (each retained by the set); weights are linear interpolation weights.</summary>
    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial IntPtr ngram_model_set_init(IntPtr config, IntPtr* models, IntPtr* names, float* weights, int count);

    [LibraryImport(NativeLibraries.SphinxBase)]
    public static partial int ngram_model_free(IntPtr model);
}
