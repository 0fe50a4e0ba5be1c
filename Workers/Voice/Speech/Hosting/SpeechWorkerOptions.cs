namespace VoiceHelper.Voice.Speech.Hosting;

/// <summary>The dedicated threads that run native decoding (section <c>Speech:Workers</c>).</summary>
public sealed class SpeechWorkerOptions
{
    public const string Section = "Speech:Workers";

    /// <summary>Decode threads; more than the cores only adds contention.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;
}
