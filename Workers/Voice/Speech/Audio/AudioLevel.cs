namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>Level of a block of samples; dBFS is relative to a full-scale sine-free square (RMS 1.0).</summary>
public readonly record struct AudioLevel(float Rms, float Peak)
{
    public double RmsDbfs => Rms <= 0 ? double.NegativeInfinity : 20 * Math.Log10(Rms);
}
