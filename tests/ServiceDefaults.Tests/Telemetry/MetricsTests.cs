using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace VoiceHelper.ServiceDefaults.Tests.Telemetry;

/// <summary>
/// ASP.NET Core's meters are process-wide, so requests of other test apps running at the same time would add series
/// to this app's exposition: the test runs alone.
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed partial class MetricsTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_endpoint_serves_valid_prometheus_text_with_request_histograms_per_route()
    {
        await using var app = await TestApp.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await app.Client.PostAsJsonAsync("/echo", new { name = "a", count = 1 }, Ct);
        }
        using var failed = await app.Client.GetAsync("/boom", Ct);

        using var response = await app.Client.GetAsync("/metrics", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var samples = ParseExposition(text);
        var echoCount = samples.Single(s => s.Name == "http_server_request_duration_seconds_count" && s.Labels.Contains("http_route=\"/echo\""));
        echoCount.Value.ShouldBe(3);
        samples.ShouldContain(s => s.Name == "http_server_request_duration_seconds_bucket" && s.Labels.Contains("le=\"+Inf\"") && s.Labels.Contains("http_route=\"/boom\"") && s.Labels.Contains("http_response_status_code=\"500\""));
        samples.ShouldContain(s => s.Name.StartsWith("dotnet_", StringComparison.Ordinal));
    }

    /// <summary>A strict reading of the text exposition format: every line is a comment, blank, or one well-formed sample.</summary>
    private static List<(string Name, string Labels, double Value)> ParseExposition(string text)
    {
        var samples = new List<(string, string, double)>();
        var typed = new HashSet<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                parts.Length.ShouldBe(4, line);
                parts[3].ShouldBeOneOf("counter", "gauge", "histogram", "summary", "untyped");
                typed.Add(parts[2]).ShouldBeTrue($"duplicate TYPE for {parts[2]}");
                continue;
            }
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }
            var match = Sample().Match(line);
            match.Success.ShouldBeTrue($"not a valid sample line: {line}");
            var name = match.Groups["name"].Value;
            typed.ShouldContain(t => name == t || name == t + "_bucket" || name == t + "_sum" || name == t + "_count", $"sample without TYPE: {line}");
            var value = match.Groups["value"].Value;
            samples.Add((name, match.Groups["labels"].Value,
                value == "+Inf" ? double.PositiveInfinity : double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*="([^"\\]|\\.)*",?)*)\})? (?<value>[-+]?(\d+(\.\d*)?([eE][-+]?\d+)?|Inf|NaN)|\+Inf)$""")]
    private static partial Regex Sample();
}

[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsCollection;
