using VoiceHelper.AppHost.Hosting;
using static VoiceHelper.Contracts.ResourceNames;

// The app model: servers first, then the services that use them, then the gateway in front.
// `dotnet run` runs it on this machine; `dotnet run -- publish` writes aspire-manifest.json and deploy/.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres(Postgres);
var identityDb = postgres.AddDatabase(IdentityDb);
var conversationsDb = postgres.AddDatabase(ConversationsDb);
var knowledgeDb = postgres.AddDatabase(KnowledgeDb);
var assistantDb = postgres.AddDatabase(AssistantDb);
var eventsDb = postgres.AddDatabase(EventsDb); // the durable event log shared by every service, like a broker

var cache = builder.AddRedis(Cache);

// Encrypts Identity's token-signing keys at rest (32 random bytes, base64).
var signingKeyEncryptionKey = builder.AddParameter("identity-key-encryption-key", ParameterResource.RandomBase64(32));

var identity = builder.AddProject<Projects.VoiceHelper_Identity>(Identity)
    .WithReference(identityDb).WithReference(cache)
    .WithEnvironment("SigningKeys__KeyEncryptionKey", signingKeyEncryptionKey)
    .WaitFor(postgres).WaitFor(cache);

var knowledge = builder.AddProject<Projects.VoiceHelper_Knowledge>(Knowledge)
    .WithReference(knowledgeDb).WithReference(eventsDb).WithReference(cache).WithReference(identity)
    .WaitFor(postgres).WaitFor(cache);

var ingestion = builder.AddProject<Projects.VoiceHelper_Ingestion>(Ingestion)
    .WithReference(knowledgeDb).WithReference(eventsDb).WithReference(cache)
    .WaitFor(postgres).WaitFor(cache);

var assistant = builder.AddProject<Projects.VoiceHelper_Assistant>(Assistant)
    .WithReference(assistantDb).WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(knowledge)
    .WaitFor(postgres).WaitFor(cache);

var conversations = builder.AddProject<Projects.VoiceHelper_Conversations>(Conversations)
    .WithReference(conversationsDb).WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(assistant)
    .WaitFor(postgres).WaitFor(cache);

var voice = builder.AddProject<Projects.VoiceHelper_Voice>(Voice)
    .WithReference(eventsDb).WithReference(cache).WithReference(identity).WithReference(conversations)
    .WaitFor(postgres).WaitFor(cache);

builder.AddNginxGateway(Gateway)
    .WithRoute("/api/v1/auth/", identity)
    .WithRoute("/api/v1/auth/login", identity, exact: true)
    .WithRoute("/api/v1/users", identity)
    .WithRoute("/api/v1/audit", identity)
    .WithRoute("/.well-known/jwks.json", identity, exact: true)
    .WithRoute("/api/v1/knowledge/", knowledge)
    .WithRoute("/api/v1/rag/", assistant)
    .WithRoute("/api/v1/models", assistant)
    .WithRoute("/api/v1/usage", assistant)
    .WithRoute("/api/v1/conversations", conversations)
    .WithRoute("/api/v1/voice/", voice)
    .WithRoute("/ws/", voice)
    .WithHealthRoute(ingestion); // every upstream's /health is also reachable as /health/{name}

builder.Build().Run();
