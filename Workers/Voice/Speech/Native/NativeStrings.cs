using System.Runtime.InteropServices;

namespace VoiceHelper.Voice.Speech.Native;

/// <summary>
/// Owns the UTF-8 copies of the strings a native config struct points at, for as long as the
/// create call that reads them; the libraries copy what they keep.
/// </summary>
internal sealed class NativeStrings : IDisposable
{
    private readonly List<IntPtr> allocations = [];

    public IntPtr Add(string? value)
    {
        if (value is null)
        {
            return IntPtr.Zero;
        }

        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        allocations.Add(pointer);
        return pointer;
    }

    public void Dispose()
    {
        foreach (var pointer in allocations)
        {
            Marshal.FreeCoTaskMem(pointer);
        }

        allocations.Clear();
    }
}
