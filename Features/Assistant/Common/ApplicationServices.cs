using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using VoiceHelper.Ai.Embeddings;
using VoiceHelper.Ai.Reranking;
using System.Text.Json;
using VoiceHelper.Assistant.InvalidateAnswerCache;
using ModelContextProtocol;
using VoiceHelper.Assistant.Mcp;
using VoiceHelper.Assistant.QueryRag;
using VoiceHelper.Assistant.RecordAbTestFeedback;
using VoiceHelper.Contracts;
using VoiceHelper.Contracts.Events;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Assistant.Models;
using VoiceHelper.Assistant.Agent;

namespace VoiceHelper.Assistant.Common;

public static class ApplicationServices
{
    /// <summary>
    /// The Assistant's wiring: assistantdb with its migrations and outbox (usage.recorded), Knowledge over service discovery, the
    /// model catalog, reranker and embedder from Features/Ai, the semantic cache and its invalidation by events.
    /// </summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        var assembly = typeof(ApplicationServices).Assembly;
        var services = builder.Services;
        builder.AddNpgsqlDataSource(ResourceNames.AssistantDb);
        builder.AddMigrations(assembly);
        builder.AddEventBus(ResourceNames.Assistant, ResourceNames.AssistantDb, bus => bus
            .Handler<InvalidateAnswerCacheOnDocumentIndexed>()
            .Handler<InvalidateAnswerCacheOnDocumentDeleted>()
            .Handler<RecordAbTestFeedbackHandler>());
        builder.AddTenantDbContext<AssistantDbContext>();
        builder.AddTenantDbContext<AgentDbContext>();
        // One key ring for every replica, in assistantdb next to the ciphertexts it decrypts (decision 0018).
        services.AddDbContext<DataProtectionKeysDbContext>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddDataProtection().SetApplicationName(ResourceNames.Assistant).PersistKeysToDbContext<DataProtectionKeysDbContext>();
        services.AddSingleton<ModelApiKeys>();
        services.AddMediatorFrom(assembly);

        services.AddOptions<RagOptions>().BindConfiguration(RagOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SemanticCacheOptions>().BindConfiguration(SemanticCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddHttpClient<KnowledgeClient>(client => client.BaseAddress = new Uri(KnowledgeClient.BaseAddress));
        services.AddChatModels();
        services.AddReranking(builder.Configuration);
        services.AddEmbeddings(builder.Configuration);
        services.AddSingleton<SemanticCache>();
        services.AddSingleton<QueryRagJudge>();
        services.AddScoped<QueryRagRetrieval>();
        services.AddScoped<QueryRagGrounding>();
        services.AddScoped<UsageRecorder>();
        // The OpenAI-compatible API and the MCP server name the tenant's knowledge the same way.
        services.AddScoped<KnowledgeModels>();
        services.AddOpenAiErrors();
        services.AddMcpServer().WithHttpTransport(mcp => mcp.Stateless = true)
            .WithTools<McpTools>(new JsonSerializerOptions(McpJsonUtilities.DefaultOptions) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        services.AddScoped<AgentToolbox>();
        services.AddSingleton<AgentToolCache>();
        services.AddSingleton<AgentToolRunner>();
        return builder;
    }
}
