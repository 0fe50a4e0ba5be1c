namespace VoiceHelper.Voice.Speech.Audio;

/// <summary>
/// Streaming rational resampler: a polyphase bank of Kaiser-windowed sinc filters. When reducing the
/// rate the cutoff sits below the new Nyquist frequency, so content that would alias (espeak-ng's
/// 22.05 kHz output has energy up to 11 kHz; 16 kHz keeps only 8 kHz) is removed before decimation.
/// Not thread-safe: one instance per stream, it keeps the filter history between calls.
/// </summary>
public sealed class Resampler
{
    private const int HalfTaps = 24;
    private const double KaiserBeta = 8.6;
    private const int MaxPhases = 8192;

    private readonly int up;
    private readonly int down;
    private readonly float[][] phases;
    private float[] history = new float[4096];
    private int historyLength;

    // Global input index of history[0]. It starts negative: HalfTaps - 1 samples of silence precede the
    // input, so the first output is centred on the first real sample.
    private long baseIndex = -(HalfTaps - 1);
    private long realInput;
    private long produced;

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        InputRate = inputRate;
        OutputRate = outputRate;
        var divisor = Gcd(inputRate, outputRate);
        up = outputRate / divisor;
        down = inputRate / divisor;
        if (up > MaxPhases)
        {
            throw new ArgumentException($"Resampling {inputRate} Hz to {outputRate} Hz needs {up} filter phases; at most {MaxPhases} are supported.");
        }

        phases = BuildFilterBank(up, down);
        historyLength = HalfTaps - 1;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Resamples a whole clip at once.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate)
    {
        if (inputRate == outputRate)
        {
            return input.ToArray();
        }

        var resampler = new Resampler(inputRate, outputRate);
        var head = resampler.Process(input);
        var tail = resampler.Flush();
        return [.. head, .. tail];
    }

    public float[] Process(ReadOnlySpan<float> input)
    {
        Append(input);
        realInput += input.Length;
        return Emit(long.MaxValue);
    }

    /// <summary>Emits the outputs still waiting for look-ahead, as if the input ended in silence.</summary>
    public float[] Flush()
    {
        var expected = (long)Math.Ceiling((double)realInput * up / down);
        Append(new float[HalfTaps]);
        return Emit(expected);
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (historyLength + input.Length > history.Length)
        {
            Array.Resize(ref history, Math.Max(history.Length * 2, historyLength + input.Length));
        }

        input.CopyTo(history.AsSpan(historyLength));
        historyLength += input.Length;
    }

    private float[] Emit(long limit)
    {
        var outputs = new List<float>();
        while (produced < limit)
        {
            // Output n sits at input position n*down/up and reads HalfTaps samples either side of it.
            var numerator = produced * down;
            var centre = numerator / up;
            var taps = phases[(int)(numerator % up)];
            var start = (int)(centre - (HalfTaps - 1) - baseIndex);
            if (start + taps.Length > historyLength)
            {
                break;
            }

            float sum = 0;
            for (var k = 0; k < taps.Length; k++)
            {
                sum += taps[k] * history[start + k];
            }

            outputs.Add(sum);
            produced++;
        }

        // Drop the input no future output can reach.
        var firstNeeded = (produced * down / up) - (HalfTaps - 1);
        var drop = (int)Math.Clamp(firstNeeded - baseIndex, 0, historyLength);
        if (drop > 0)
        {
            Array.Copy(history, drop, history, 0, historyLength - drop);
            historyLength -= drop;
            baseIndex += drop;
        }

        return [.. outputs];
    }

    private static float[][] BuildFilterBank(int up, int down)
    {
        // Cutoff relative to the input Nyquist: 1 when raising the rate, up/down when lowering it, with
        // a little room for the transition band so the stop band starts at the new Nyquist.
        var cutoff = Math.Min(1.0, (double)up / down) * 0.92;
        var bank = new float[up][];
        for (var phase = 0; phase < up; phase++)
        {
            var taps = new float[2 * HalfTaps];
            double sum = 0;
            var fraction = (double)phase / up;
            for (var k = 0; k < taps.Length; k++)
            {
                // Tap k multiplies input sample (centre - HalfTaps + 1 + k); x is its distance from the output time.
                var x = k - (HalfTaps - 1) - fraction;
                var value = cutoff * Sinc(cutoff * x) * Kaiser(x / HalfTaps);
                taps[k] = (float)value;
                sum += value;
            }

            // Unity gain at DC for every phase, so a constant input stays constant.
            for (var k = 0; k < taps.Length; k++)
            {
                taps[k] = (float)(taps[k] / sum);
            }

            bank[phase] = taps;
        }

        return bank;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double Kaiser(double t)
    {
        if (Math.Abs(t) > 1)
        {
            return 0;
        }

        return BesselI0(KaiserBeta * Math.Sqrt(1 - (t * t))) / BesselI0(KaiserBeta);
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k);
            var squared = term * term;
            sum += squared;
            if (squared < 1e-12 * sum)
            {
                break;
            }
        }

        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
