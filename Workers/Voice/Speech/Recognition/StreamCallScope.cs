namespace VoiceHelper.Voice.Speech.Recognition;

/// <summary>Marks one call on a stream as finished when disposed.</summary>
internal readonly struct StreamCallScope(StreamCallGuard guard) : IDisposable
{
    public void Dispose() => guard.Leave();
}
