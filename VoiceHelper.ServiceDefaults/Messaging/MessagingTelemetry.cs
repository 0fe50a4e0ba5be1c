using System.Diagnostics;

namespace VoiceHelper.ServiceDefaults.Messaging;

/// <summary>
/// The bus's trace source: a Producer activity on publish and a Consumer activity on handle, parented through
/// the envelope's W3C traceparent so one trace spans both processes. Collected by the <c>VoiceHelper.*</c> filter.
/// </summary>
public static class MessagingTelemetry
{
    public const string SourceName = "VoiceHelper.Messaging";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static Activity? StartPublish(string topic, Guid eventId)
    {
        var activity = Source.StartActivity($"{topic} publish", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "voicehelper");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.destination.name", topic);
        activity?.SetTag("messaging.message.id", eventId.ToString());
        return activity;
    }

    internal static Activity? StartProcess(EventEnvelope envelope, string group, int partition, long offset)
    {
        ActivityContext.TryParse(envelope.TraceParent, null, out var parent);
        var activity = Source.StartActivity($"{envelope.Topic} process", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "voicehelper");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", envelope.Topic);
        activity?.SetTag("messaging.consumer.group.name", group);
        activity?.SetTag("messaging.destination.partition.id", partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        activity?.SetTag("messaging.kafka.offset", offset);
        activity?.SetTag("messaging.message.id", envelope.Id.ToString());
        return activity;
    }
}
