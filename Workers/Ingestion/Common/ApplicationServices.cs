using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.Ingestion.IngestDocument;
using VoiceHelper.Ingestion.Parse;
using VoiceHelper.Ingestion.ReembedKnowledgeBases;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.Ingestion.Common;

public static class ApplicationServices
{
    /// <summary>
    /// The worker's wiring: knowledgedb (schema owned by the Knowledge service), its Wolverine outbox and inbox (schema
    /// wolverine_ingestion), the embedder, the document.uploaded consumer and the re-embedding of knowledge bases
    /// left on another embedder.
    /// </summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ResourceNames.KnowledgeDb, configureDataSourceBuilder: data => data.UseVector());
        builder.AddEventBus(ResourceNames.Ingestion, ResourceNames.KnowledgeDb, bus => bus.Handler<IngestDocumentHandler>());
        builder.Services.AddEmbeddings(builder.Configuration);
        if (builder.Configuration[$"{EmbeddingOptions.Section}:Sentence:Threads"] is null)
        {
            builder.Services.PostConfigure<EmbeddingOptions>(o => o.Sentence.Threads = SentenceEmbeddingOptions.BulkThreads);
        }
        builder.Services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DocumentParser>();
        builder.Services.AddHostedService<ReembedKnowledgeBasesService>();
        return builder;
    }
}
