using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Ai.Chat;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Conversations.ProjectConversationStats;
using VoiceHelper.Conversations.PurgeDeletedConversations;
using VoiceHelper.Conversations.SummarizeConversation;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Conversations.Common;

public static class ApplicationServices
{
    /// <summary>
    /// Conversations' wiring: conversationsdb and its migrations, the mediator, the outbox and the statistics
    /// consumer on the event bus, the Redis context cache, the Assistant client, the retention job and, when a summary
    /// model is configured, the summariser of turns that left the context window.
    /// </summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var assembly = typeof(ApplicationServices).Assembly;
        builder.AddNpgsqlDataSource(ResourceNames.ConversationsDb);
        builder.AddMigrations(assembly);
        builder.AddTenantDbContext<ConversationsDbContext>();
        builder.Services.AddMediatorFrom(assembly);

        builder.Services.AddOptions<ConversationsOptions>().BindConfiguration(ConversationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ContextCache>();
        builder.Services.AddSingleton<PreparedAnswers>();
        builder.Services.AddHttpClient<AssistantClient>((sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IOptions<AssistantOptions>>().Value.BaseAddress);

        builder.Services.AddHostedService<PurgeDeletedConversationsService>();

        // Summaries are opt-in: without a model the summariser returns at once, and the window works as before.
        builder.Services.AddOptions<SummarizeConversationOptions>().BindConfiguration(SummarizeConversationOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Model is null || o.Model.Provider is ChatProvider.OpenAiCompatible or ChatProvider.Ollama && o.Model.Id.Length > 0 && o.Model.Endpoint is not null,
                $"{SummarizeConversationOptions.Section}:Model needs an Id and the Endpoint of an OpenAI-compatible or Ollama API.")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(SummarizeConversationOptions.Section).Get<SummarizeConversationOptions>()?.Enabled == true)
        {
            builder.Services.AddKeyedSingleton<Microsoft.Extensions.AI.IChatClient>(SummarizeConversationOptions.ChatClientKey, (sp, _) =>
                ChatClients.Create(sp.GetRequiredService<IOptions<SummarizeConversationOptions>>().Value.Model!));
        }

        // Messages and their events commit together; the statistics are built from those events, not from the tables.
        // One event runs both handlers in one chain: the summariser first, so the model call happens before the
        // statistics take their row lock in the chain's transaction.
        builder.Services.AddSingleton(sp => new SummarizeConversationModel(
            sp.GetKeyedService<Microsoft.Extensions.AI.IChatClient>(SummarizeConversationOptions.ChatClientKey)));
        builder.AddEventBus(ResourceNames.Conversations, ResourceNames.ConversationsDb, bus => bus
            .Handler<SummarizeConversationHandler>()
            .Handler<ProjectConversationStatsHandler>());

        return builder;
    }
}
