namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class Note
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
}
