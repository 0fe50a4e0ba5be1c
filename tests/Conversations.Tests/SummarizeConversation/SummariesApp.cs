using Microsoft.AspNetCore.Hosting;
using VoiceHelper.Conversations.Tests.Infrastructure;
using VoiceHelper.Testing;

namespace VoiceHelper.Conversations.Tests.SummarizeConversation;

/// <summary>The service with a summary model configured: a <see cref="FakeChatCompletionsServer"/> behaving as <see cref="Behaviour"/>.</summary>
public class SummariesApp : ConversationsApp
{
    public const string ModelId = "summarizer";
    public const string SummaryText = "The caller owns an X-100 router whose light blinks red.";

    public FakeChatCompletionsServer Model { get; private set; } = null!;

    protected virtual FakeBehaviour Behaviour => FakeBehaviour.Normal;

    public override async ValueTask InitializeAsync()
    {
        Model = await FakeChatCompletionsServer.StartAsync();
        Model.Answer = SummaryText;
        Model.Behaviours[ModelId] = Behaviour;
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Conversations:Summaries:Model:Id", ModelId);
        builder.UseSetting("Conversations:Summaries:Model:Endpoint", Model.Endpoint.ToString());
        builder.UseSetting("Conversations:Summaries:Model:Timeout", "00:00:05");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Model.DisposeAsync();
    }
}
