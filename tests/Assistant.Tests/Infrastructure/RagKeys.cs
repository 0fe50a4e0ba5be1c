using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Infrastructure;

/// <summary>The token issuer the fixture's services trust.</summary>
public sealed class RagKeys : IDisposable
{
    public TestTokens Tokens { get; } = new();

    public void Dispose() => Tokens.Dispose();
}
