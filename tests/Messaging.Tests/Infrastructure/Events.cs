using VoiceHelper.Contracts.Events;

namespace VoiceHelper.Messaging.Tests.Infrastructure;

public static class Events
{
    public static UsageRecorded Usage(Guid tenant, Guid? user = null) =>
        new(tenant, user ?? Guid.NewGuid(), Guid.NewGuid(), "rag.query", "test", "test-model", 10, 5, 0.001m, 12, DateTimeOffset.UtcNow);

    public static DocumentFailed Failed(Guid tenant, Guid document) =>
        new(tenant, null, document, Guid.NewGuid(), "test", "a test failure", DateTimeOffset.UtcNow);
}
