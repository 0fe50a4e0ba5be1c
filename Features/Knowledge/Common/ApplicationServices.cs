using Microsoft.AspNetCore.Http.Features;
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
    /// <summary>Knowledge's wiring: knowledgedb and its migrations, the event bus (publisher only, outbox in knowledgedb), the mediator, the query embedder and upload limits.</summary>
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

        var maxUpload = builder.Configuration.GetValue<long?>($"{KnowledgeOptions.Section}:{nameof(KnowledgeOptions.MaxUploadBytes)}")
            ?? new KnowledgeOptions().MaxUploadBytes;
        // Multipart framing around the file; the file itself is checked against MaxUploadBytes exactly.
        builder.Services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = maxUpload + UploadEnvelopeBytes);

        return builder;
    }

    /// <summary>Room for multipart boundaries, headers and the metadata field beyond the file's own size.</summary>
    public const long UploadEnvelopeBytes = 1024 * 1024;
}
