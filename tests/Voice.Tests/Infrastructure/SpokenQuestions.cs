using System.Diagnostics;
using VoiceHelper.Voice.Speech.Audio;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>Speech generated at test time with Debian's pico2wave (16 kHz), which the embedded recogniser understands well.</summary>
public static class SpokenQuestions
{
    public static async Task<float[]> SayAsync(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"voice-test-{Guid.NewGuid():N}.wav");
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pico2wave") { ArgumentList = { "-l", "en-US", "-w", path, "--", text }, RedirectStandardError = true })!;
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0, "pico2wave (Debian libttspico-utils) must be installed: scripts/setup.sh installs it");
            var clip = WavFile.Read(path);
            return clip.SampleRate == 16_000 ? clip.Samples : Resampler.Resample(clip.Samples, clip.SampleRate, 16_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static float[] Silence(double seconds) => new float[(int)(seconds * 16_000)];
}
