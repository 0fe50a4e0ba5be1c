using VoiceHelper.Conversations.Tests.Infrastructure;

namespace VoiceHelper.Conversations.Tests.SendMessage;

/// <summary>The service on a Redis of its own, which the test stops.</summary>
public sealed class RedisDownApp : ConversationsApp
{
    public RedisProcess RedisServer { get; private set; } = null!;

    protected override string Redis => RedisServer.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        RedisServer = await RedisProcess.StartAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        RedisServer.Dispose();
    }
}
