namespace VoiceHelper.Contracts;

/// <summary>
/// Names of the resources in the app model. They become the <c>ConnectionStrings__{name}</c> and
/// <c>services__{name}__http__0</c> variables, so AppHost and services must agree on them.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Cache = "cache";
    public const string Gateway = "gateway";

    public const string IdentityDb = "identitydb";
    public const string ConversationsDb = "conversationsdb";
    public const string KnowledgeDb = "knowledgedb";
    public const string AssistantDb = "assistantdb";
    public const string EventsDb = "eventsdb";

    public const string Identity = "identity";
    public const string Conversations = "conversations";
    public const string Knowledge = "knowledge";
    public const string Assistant = "assistant";
    public const string Ingestion = "ingestion";
    public const string Voice = "voice";
    public const string WebConsole = "console";
}
