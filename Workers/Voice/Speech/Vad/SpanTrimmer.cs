using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Speech.Vad;

/// <summary>
/// Tightens a detected span to its audible part. Silero leaves speech only when its probability falls
/// well under the threshold (hysteresis), so segments carry roughly 100 ms of decaying tail; ending
/// the turn on the real end of speech shortens the caller's wait. Frames quieter than the span's
/// loudest by more than <see cref="RelativeFloorDb"/> are cut from both ends, keeping a small guard.
/// </summary>
internal static class SpanTrimmer
{
    private const double RelativeFloorDb = 35;
    private const int FrameMs = 10;
    private const int GuardFrames = 2;

    public static SpeechSpan Trim(SpeechSpan span)
    {
        var frame = span.SampleRate * FrameMs / 1000;
        var frames = span.Samples.Length / frame;
        if (frames <= 2 * GuardFrames)
        {
            return span;
        }

        var levels = new double[frames];
        for (var i = 0; i < frames; i++)
        {
            levels[i] = LevelMeter.Measure(span.Samples.AsSpan(i * frame, frame)).RmsDbfs;
        }

        var floor = levels.Max() - RelativeFloorDb;
        var first = Array.FindIndex(levels, level => level > floor);
        var last = Array.FindLastIndex(levels, level => level > floor);
        if (first < 0)
        {
            return span;
        }

        var start = Math.Max(0, first - GuardFrames) * frame;
        var end = Math.Min(span.Samples.Length, (last + 1 + GuardFrames) * frame);
        return span with { StartSample = span.StartSample + start, Samples = span.Samples[start..end] };
    }
}
