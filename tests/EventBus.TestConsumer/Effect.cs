namespace VoiceHelper.EventBus.TestConsumer;

public sealed class Effect
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public Guid TenantId { get; set; }
    public string HandledBy { get; set; } = "";
    public DateTimeOffset HandledAt { get; set; } = DateTimeOffset.UtcNow;
}
