namespace VoiceHelper.ServiceDefaults.Security;

/// <summary>Authorization policy names declared on endpoints (role checks never live in handlers).</summary>
public static class Policies
{
    /// <summary>A signed-in user of a tenant; API keys are refused (403 <c>insufficient_scope</c>).</summary>
    public const string Authenticated = "authenticated";
    public const string TenantAdmin = "tenant-admin";

    /// <summary>
    /// What a website's chat widget needs: a signed-in user, or a widget visitor (<see cref="WidgetVisitor"/>) in their
    /// own conversations (asking, streaming the answer, the voice call); API keys are refused.
    /// </summary>
    public const string Converse = "converse";

    /// <summary>A signed-in user, or an API key holding (or implying) the scope (<see cref="VoiceHelper.Contracts.ApiKeyScopes"/>).</summary>
    public const string Chat = "scope:" + Contracts.ApiKeyScopes.Chat;

    /// <inheritdoc cref="Chat"/>
    public const string KnowledgeRead = "scope:" + Contracts.ApiKeyScopes.KnowledgeRead;

    /// <inheritdoc cref="Chat"/>
    public const string Mcp = "scope:" + Contracts.ApiKeyScopes.Mcp;

    public static string ForScope(string scope) => "scope:" + scope;
}
