using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace VoiceHelper.ServiceDefaults.Telemetry;

/// <summary>
/// Serves the process's metrics in the Prometheus text exposition format (0.0.4). The OpenTelemetry
/// Prometheus exporter does not restore here, so this listens to the same meters with a
/// <see cref="MeterListener"/>: counters become <c>_total</c>, histograms cumulative <c>_bucket</c>s,
/// observable instruments are sampled at scrape time.
/// </summary>
public sealed class PrometheusMetrics : IDisposable
{
    private static readonly double[] SecondsBounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
    private static readonly double[] DefaultBounds = [1, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 10000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> _series = new();
    private readonly Lock _scrapeGate = new();

    public PrometheusMetrics(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Framework meters come from each host's IMeterFactory: take only this host's (several hosts can share
            // a process, as in tests), plus the process-wide ones (runtime, VoiceHelper's static meters).
            var ours = instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meterFactory);
            if (ours && IsExported(instrument.Meter.Name))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    private static bool IsExported(string meter) =>
        TelemetrySetup.Meters.Any(m => m.EndsWith('*') ? meter.StartsWith(m[..^1], StringComparison.Ordinal) : meter == m);

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = _series.GetOrAdd(instrument, i => new Series(i));
        series.Record(value, LabelSet(tags));
    }

    private static string LabelSet(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return string.Empty;
        }
        var pairs = new List<KeyValuePair<string, object?>>(tags.Length);
        foreach (var tag in tags)
        {
            pairs.Add(tag);
        }
        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return string.Join(',', pairs.Select(p => $"{SanitizeName(p.Key)}=\"{Escape(Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "")}\""));
    }

    public string Scrape()
    {
        lock (_scrapeGate)
        {
            foreach (var series in _series.Values.Where(s => s.Observable))
            {
                series.ResetGauges();
            }
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var series in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                series.Write(text);
            }
            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    internal static string SanitizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (builder.Length > 0 && char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }
        return builder.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf" : value.ToString("R", CultureInfo.InvariantCulture);

    private sealed class Series
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (long[] Buckets, double Sum, long Count)> _histograms = new(StringComparer.Ordinal);
        private readonly double[] _bounds;
        private readonly string _kind;
        private readonly bool _cumulative;

        public Series(Instrument instrument)
        {
            var type = instrument.GetType().GetGenericTypeDefinition();
            Observable = instrument.IsObservable;
            _cumulative = type == typeof(Counter<>) || type == typeof(UpDownCounter<>);
            _kind = type == typeof(Histogram<>) ? "histogram"
                : type == typeof(Counter<>) || type == typeof(ObservableCounter<>) ? "counter" : "gauge";
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => "",
            };
            var baseName = SanitizeName(instrument.Name);
            Name = baseName.EndsWith(unit, StringComparison.Ordinal) ? baseName : baseName + unit;
            if (_kind == "counter")
            {
                Name += "_total";
            }
            Help = instrument.Description ?? instrument.Name;
            _bounds = instrument.Unit == "s" ? SecondsBounds : DefaultBounds;
        }

        public string Name { get; }
        public string Help { get; }
        public bool Observable { get; }

        public void ResetGauges()
        {
            lock (_gate)
            {
                _values.Clear();
            }
        }

        public void Record(double value, string labels)
        {
            lock (_gate)
            {
                if (_kind == "histogram")
                {
                    _histograms.TryGetValue(labels, out var h);
                    h.Buckets ??= new long[_bounds.Length + 1];
                    var index = Array.FindIndex(_bounds, b => value <= b);
                    h.Buckets[index < 0 ? _bounds.Length : index]++;
                    _histograms[labels] = (h.Buckets, h.Sum + value, h.Count + 1);
                }
                else
                {
                    _values[labels] = _cumulative ? _values.GetValueOrDefault(labels) + value : value;
                }
            }
        }

        public void Write(StringBuilder text)
        {
            lock (_gate)
            {
                if (_values.Count == 0 && _histograms.Count == 0)
                {
                    return;
                }
                text.Append("# HELP ").Append(Name).Append(' ').Append(Help.Replace('\n', ' ')).Append('\n');
                text.Append("# TYPE ").Append(Name).Append(' ').Append(_kind).Append('\n');
                foreach (var (labels, value) in _values)
                {
                    text.Append(Name).Append(Braces(labels)).Append(' ').Append(Format(value)).Append('\n');
                }
                foreach (var (labels, h) in _histograms)
                {
                    var baseName = Name;
                    long cumulative = 0;
                    for (var i = 0; i <= _bounds.Length; i++)
                    {
                        cumulative += h.Buckets[i];
                        var le = i < _bounds.Length ? Format(_bounds[i]) : "+Inf";
                        var bucketLabels = labels.Length == 0 ? $"le=\"{le}\"" : $"{labels},le=\"{le}\"";
                        text.Append(baseName).Append("_bucket{").Append(bucketLabels).Append("} ").Append(cumulative).Append('\n');
                    }
                    text.Append(baseName).Append("_sum").Append(Braces(labels)).Append(' ').Append(Format(h.Sum)).Append('\n');
                    text.Append(baseName).Append("_count").Append(Braces(labels)).Append(' ').Append(h.Count).Append('\n');
                }
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";
    }
}
