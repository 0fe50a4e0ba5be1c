using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Knowledge.Common;

public static class ApplicationServices
{
    /// <summary>Knowledge's wiring: knowledgedb and its migrations, the event bus (publisher only, outbox in knowledgedb), the mediator, the query embedder.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var assembly = typeof(ApplicationServices).Assembly;
        builder.AddNpgsqlDataSource(ResourceNames.KnowledgeDb, configureDataSourceBuilder: data => data.UseVector());
        builder.AddMigrations(assembly);
        builder.AddEventBus(ResourceNames.Knowledge, ResourceNames.KnowledgeDb);
        builder.AddTenantDbContext<KnowledgeDbContext>();
        builder.Services.AddMediatorFrom(assembly);
        builder.Services.AddEmbeddings(builder.Configuration);
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
