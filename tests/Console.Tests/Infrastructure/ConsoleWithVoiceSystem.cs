namespace VoiceHelper.Console.Tests.Infrastructure;

/// <summary>The console's system with the voice worker, for the call page.</summary>
public sealed class ConsoleWithVoiceSystem : ConsoleSystem
{
    protected override bool WithVoice => true;
}
