using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.Espeak;

/// <summary>
/// libespeak-ng.so.1 (<c>/usr/include/espeak-ng/speak_lib.h</c>). The library keeps one global
/// synthesizer (voice, callback, buffers) and is not thread-safe: only <see cref="Synthesis.EspeakThread"/>
/// may call these.
/// </summary>
internal static unsafe partial class EspeakApi
{
    /// <summary><c>AUDIO_OUTPUT_SYNCHRONOUS</c>: <c>espeak_Synth</c> returns after the callback saw every sample.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary><c>espeakINITIALIZE_DONT_EXIT</c>: report a missing data directory instead of calling exit().</summary>
    public const int InitializeDontExit = 0x8000;

    public const uint CharsUtf8 = 1;
    public const int PositionCharacter = 1;
    public const int ParameterRate = 1;

    [LibraryImport(NativeLibraries.EspeakNg)]
    public static partial int espeak_Initialize(int output, int bufferLengthMs, IntPtr path, int options);

    [LibraryImport(NativeLibraries.EspeakNg)]
    public static partial void espeak_SetSynthCallback(delegate* unmanaged[Cdecl]<short*, int, IntPtr, int> callback);

    [LibraryImport(NativeLibraries.EspeakNg, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int espeak_SetVoiceByName(string name);

    [LibraryImport(NativeLibraries.EspeakNg)]
    public static partial int espeak_SetParameter(int parameter, int value, int relative);

    [LibraryImport(NativeLibraries.EspeakNg)]
    public static partial int espeak_Synth(byte* text, nuint size, uint position, int positionType, uint endPosition, uint flags, uint* uniqueIdentifier, IntPtr userData);
}
