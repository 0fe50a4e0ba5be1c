using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native.SherpaOnnx;

/// <summary>c-api.h <c>SherpaOnnxHomophoneReplacerConfig</c>: unused, present only for the layout.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SherpaOnnxHomophoneReplacerConfig
{
    public IntPtr DictDir;
    public IntPtr Lexicon;
    public IntPtr RuleFsts;
}
