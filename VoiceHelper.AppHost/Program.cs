using VoiceHelper.AppHost.Gateway;
using VoiceHelper.AppHost.Kubernetes;
using VoiceHelper.AppHost.Local;
using VoiceHelper.AppHost.Postgres;
using VoiceHelper.AppHost.Redis;
using VoiceHelper.AppHost.Services;
using static VoiceHelper.Contracts.ResourceNames;

// The app model: servers first, then the databases, then the services that use them, then the gateway in front.
// `dotnet run` runs it here under Aspire (dashboard included); `-- --publisher manifest` writes aspire-manifest.json,
// `-- --publisher kubernetes` writes deploy/.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgresWithPgvector(Postgres);
var cache = builder.AddRedisWithPassword(Cache);
var broker = builder.AddEventBroker(); // RabbitMQ ("messaging") here, Kafka ("kafka") in a cluster

var identityDb = postgres.AddDatabase(IdentityDb);
var conversationsDb = postgres.AddDatabase(ConversationsDb);
var knowledgeDb = postgres.AddDatabase(KnowledgeDb);
var assistantDb = postgres.AddDatabase(AssistantDb);
var eventsDb = postgres.AddDatabase(EventsDb); // Wolverine's shared message store

// Encrypts Identity's token-signing keys at rest (32 random bytes, base64).
var signingKeyEncryptionKey = builder.AddSecret("identity-key-encryption-key", LocalRun.RandomBase64Key);

var identity = builder.AddService<Projects.VoiceHelper_Identity>(Identity)
    .WithReference(identityDb).WithReference(cache)
    .WithEnvironment("SigningKeys__KeyEncryptionKey", signingKeyEncryptionKey)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);

var knowledge = builder.AddService<Projects.VoiceHelper_Knowledge>(Knowledge)
    .WithReference(knowledgeDb).WithReference(eventsDb).WithReference(cache).WithReference(identity)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);
// Identity asks Knowledge whether a widget key's knowledge bases are the tenant's (decision 0023).
identity.WithReference(knowledge);

var ingestion = builder.AddService<Projects.VoiceHelper_Ingestion>(Ingestion)
    .WithReference(knowledgeDb).WithReference(eventsDb).WithReference(cache)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);

var assistant = builder.AddService<Projects.VoiceHelper_Assistant>(Assistant)
    .WithReference(assistantDb).WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(knowledge)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);

var conversations = builder.AddService<Projects.VoiceHelper_Conversations>(Conversations)
    .WithReference(conversationsDb).WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(assistant)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);

var voice = builder.AddService<Projects.VoiceHelper_Voice>(Voice)
    .WithReference(knowledgeDb).WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(conversations)
    .WithEventBus(broker).WaitFor(postgres).WaitFor(cache);

// The web console calls the public routes of these services, as any client does, with the signed-in user's token.
var console = builder.AddService<Projects.VoiceHelper_Console>(WebConsole)
    .WithReference(cache) // Data Protection keys of the signed-in sessions, shared by replicas
    .WithReference(identity).WithReference(knowledge).WithReference(assistant).WithReference(conversations);

// Body limits at least each service's own, so that the service answers an oversized body with its 413 problem
// (Knowledge: 50 MiB upload request; Conversations: 64 KiB message). Dead-letter admin routes only for the event consumers.
builder.AddNginxGateway(Gateway)
    .WithRoute("/api/v1/auth/", identity)
    .WithRoute("/api/v1/auth/login", identity, exact: true, perIpLimit: true)
    .WithRoute("/api/v1/users", identity)
    .WithRoute("/api/v1/audit", identity)
    .WithRoute("/api/v1/api-keys", identity)
    .WithRoute("/api/v1/widget-keys", identity)
    .WithRoute("/api/v1/widget/", identity) // the widget's key-for-visitor-token exchange
    .WithRoute("/.well-known/jwks.json", identity, exact: true)
    .WithRoute("/.well-known/openid-configuration", identity, exact: true)
    .WithRoute("/api/v1/knowledge/", knowledge)
    .WithRoute("~ ^/api/v1/knowledge/bases/[^/]+/documents$", knowledge, maxBodySize: "51m")
    .WithRoute("/api/v1/rag/", assistant)
    .WithRoute("/api/v1/models", assistant)
    .WithRoute("/api/v1/usage", assistant)
    .WithRoute("/api/v1/agent/", assistant)
    .WithRoute("/v1/", assistant) // the OpenAI-compatible API, authenticated by API keys
    .WithRoute("/mcp", assistant, exact: true) // the MCP server (streamable HTTP)
    .WithRoute("/api/v1/ab-tests", assistant)
    .WithRoute("/api/v1/budgets", assistant)
    .WithRoute("/api/v1/conversations", conversations)
    .WithRoute("~ ^/api/v1/conversations/[^/]+/messages$", conversations, maxBodySize: "64k")
    .WithRoute("/api/v1/voice/", voice)
    .WithRoute("/voice", voice, exact: true)
    .WithRoute("/voice/", voice)
    .WithRoute("/ws/", voice, webSocket: true)
    .WithRoute("/widget.js", voice, exact: true) // the embeddable chat-and-voice widget
    .WithRoute("/", console, webSocket: true) // every other path: the console's pages and its circuit's WebSocket
    .WithEventAdminRoutes(ingestion, assistant, conversations);

builder.Build().RunOrWriteKubernetes();
