using System.Reflection;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class ContractEventTests
{
    private static readonly Type[] EventTypes = typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void Every_integration_event_has_its_own_topic_from_the_topic_list()
    {
        var topics = EventTypes.Select(TopicOf).ToList();
        topics.ShouldBeUnique();
        var published = typeof(EventTopics).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        topics.ShouldBe(published, ignoreOrder: true);
    }

    [Fact]
    public void Every_integration_event_survives_the_snake_case_round_trip_the_consumer_decodes()
    {
        var decode = typeof(HandlerRegistration).GetMethod(nameof(HandlerRegistration.For))!;
        foreach (var type in EventTypes)
        {
            var instance = Sample(type);
            var payload = System.Text.Json.JsonSerializer.Serialize(instance, type, EventJson.Options);
            payload.ShouldContain("\"tenant_id\"");
            var registration = (HandlerRegistration)decode.MakeGenericMethod(type, typeof(NoHandler<>).MakeGenericType(type)).Invoke(null, ["g"])!;
            registration.Decode(payload).ShouldBe(instance);
        }
    }

    private static string TopicOf(Type type) =>
        (string)type.GetProperty("Topic", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static object Sample(Type type)
    {
        var constructor = type.GetConstructors().Single();
        var arguments = constructor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(Guid) || t == typeof(Guid?) => (object)Guid.NewGuid(),
            var t when t == typeof(string) => "text",
            var t when t == typeof(int) || t == typeof(int?) => 42,
            var t when t == typeof(long) => 4242L,
            var t when t == typeof(decimal) => 0.0012m,
            var t when t == typeof(bool) => true,
            var t when t == typeof(DateTimeOffset) => new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero),
            var t => throw new InvalidOperationException($"No sample for {t} in {type.Name}"),
        }).ToArray();
        return constructor.Invoke(arguments);
    }
}
