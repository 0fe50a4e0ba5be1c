using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SendMessage;

/// <summary>The service on a Redis of its own, which the test stops.</summary>
public sealed class RedisDownApp : ConversationsApp
{
    public RedisServerProcess RedisServer { get; private set; } = null!;

    protected override string Redis => RedisServer.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        RedisServer = await RedisServerProcess.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        RedisServer.Dispose();
    }
}
