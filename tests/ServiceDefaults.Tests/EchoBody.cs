namespace VoiceHelper.ServiceDefaults.Tests;

internal sealed record EchoBody(string Name, int Count);
