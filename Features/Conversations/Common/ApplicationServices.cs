using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Conversations.Common;

public static class ApplicationServices
{
    /// <summary>
    /// Conversations' wiring: conversationsdb and its migrations, the mediator, the outbox and the statistics
    /// consumer on the event bus, the Redis context cache, the Assistant client and the retention job.
    /// </summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var assembly = typeof(ApplicationServices).Assembly;
        builder.AddNpgsqlDataSource(ResourceNames.ConversationsDb);
        builder.AddMigrations(assembly);
        builder.Services.AddDbContext<ConversationsDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddMediatorFrom(assembly);

        builder.Services.AddOptions<ConversationsOptions>().BindConfiguration(ConversationsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ContextCache>();
        builder.Services.AddHttpClient<AssistantClient>((sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IOptions<AssistantOptions>>().Value.BaseAddress);

        // Messages and their events commit together; the statistics are built from those events, not from the tables.
        builder.AddOutbox(ResourceNames.ConversationsDb);
        builder.AddEventHandler<ConversationMessageSent, ConversationStatsProjector>(ConversationStatsProjector.Group);
        builder.Services.AddHostedService<ConversationRetention>();

        return builder;
    }
}
