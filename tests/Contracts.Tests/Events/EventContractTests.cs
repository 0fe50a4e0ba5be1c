using System.Reflection;
using System.Text.Json;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;

namespace VoiceHelper.Contracts.Tests.Events;

/// <summary>The contracts every process agrees on: each event has its own topic, and the names match the design.</summary>
public sealed class EventContractTests
{
    private static readonly Type[] Events = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void Every_documented_event_exists_with_its_own_topic()
    {
        var topics = Events.Select(TopicOf).ToList();

        topics.ShouldBe(
            ["document.uploaded", "document.indexed", "document.failed", "document.deleted", "conversation.message_sent", "voice.turn_completed", "usage.recorded",
             // beyond ARCHITECTURE.md's list: A/B test feedback reaches the Assistant (decision 0018)
             "conversation.feedback_submitted"],
            ignoreOrder: true);
    }

    [Fact]
    public void Every_event_round_trips_through_snake_case_json()
    {
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
        foreach (var type in Events)
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
            var original = constructor.Invoke(arguments);

            var json = JsonSerializer.Serialize(original, type, options);
            var copy = JsonSerializer.Deserialize(json, type, options);

            copy.ShouldBe(original, type.Name);
            json.ShouldContain("\"tenant_id\"", customMessage: type.Name);
        }
    }

    [Fact]
    public void Resource_names_are_lowercase_dns_labels()
    {
        var names = typeof(ResourceNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();

        names.ShouldAllBe(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[a-z][a-z0-9-]{0,62}$"));
        names.Distinct().Count().ShouldBe(names.Count);
    }

    private static string TopicOf(Type type) =>
        (string)type.GetProperty(nameof(IIntegrationEvent.Topic), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object? Sample(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(Guid) => Guid.NewGuid(),
            _ when underlying == typeof(string) => "sample",
            _ when underlying == typeof(int) => 7,
            _ when underlying == typeof(long) => 7L,
            _ when underlying == typeof(double) => 0.5,
            _ when underlying == typeof(decimal) => 0.25m,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero),
            _ when underlying == typeof(TimeSpan) => TimeSpan.FromMilliseconds(120),
            _ when underlying.IsEnum => Enum.GetValues(underlying).GetValue(0),
            _ => null,
        };
    }
}
