using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VoiceHelper.Identity.Common;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>Calls through the public HTTP API, the way a client does.</summary>
public static class Api
{
    public const string StrongPassword = "Correct-Horse-42";

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    /// <summary>Registers a fresh tenant with its owner; each test makes its own, so tests never see each other.</summary>
    public static async Task<Account> RegisterAsync(HttpClient client, string password = StrongPassword)
    {
        var email = UniqueEmail("owner");
        var username = $"owner{Guid.NewGuid():N}"[..20];
        var response = await client.PostAsJsonAsync("/api/v1/auth/register",
            new { tenant_name = "Acme " + Guid.NewGuid().ToString("N")[..6], email, username, password });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var user = (await response.Content.ReadFromJsonAsync<UserResponse>(Json))!;
        return new Account(user.TenantId, user.Id, email, password);
    }

    public static async Task<TokenResponse> LoginAsync(HttpClient client, string email, string password = StrongPassword)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(Json))!;
    }

    public static async Task<(Account Account, TokenResponse Tokens)> RegisterAndLoginAsync(HttpClient client)
    {
        var account = await RegisterAsync(client);
        return (account, await LoginAsync(client, account.Email));
    }

    /// <summary>Adds a user with the given role through an owner's or admin's client and signs them in.</summary>
    public static async Task<(Account Account, TokenResponse Tokens)> AddUserAndLoginAsync(HttpClient admin, HttpClient anonymous, string role)
    {
        var email = UniqueEmail(role);
        var response = await admin.PostAsJsonAsync("/api/v1/users",
            new { email, username = $"{role}{Guid.NewGuid():N}"[..20], password = StrongPassword, role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var user = (await response.Content.ReadFromJsonAsync<UserResponse>(Json))!;
        var account = new Account(user.TenantId, user.Id, email, StrongPassword);
        return (account, await LoginAsync(anonymous, email));
    }

    /// <summary>Creates an API key through an owner's or admin's client; returns its id and the secret (shown this once).</summary>
    public static async Task<(Guid Id, string Key)> CreateApiKeyAsync(HttpClient admin, params string[] scopes)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/api-keys", new { name = "Integration", scopes });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    /// <summary>Knowledge base ids for requests refused before Identity looks them up (validation, authorization).</summary>
    public static readonly Guid[] WidgetKnowledgeBases = [Guid.Parse("0193a6f0-0000-7000-8000-00000000a001"), Guid.Parse("0193a6f0-0000-7000-8000-00000000a002")];

    /// <summary>Creates a knowledge base in the real Knowledge beside <paramref name="app"/>, as the caller of <paramref name="admin"/>.</summary>
    public static async Task<Guid> CreateKnowledgeBaseAsync(HttpClient admin, IdentityApp app)
    {
        using var knowledge = new HttpClient { BaseAddress = app.Knowledge!.Address };
        knowledge.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var response = await knowledge.PostAsJsonAsync("/api/v1/knowledge/bases", new { name = "Manuals " + Guid.NewGuid().ToString("N")[..6] });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Creates a widget key through an owner's or admin's client, bound to a new knowledge base of the tenant; returns its id, the publishable key and the knowledge base.</summary>
    public static async Task<(Guid Id, string Key, Guid KbId)> CreateWidgetKeyAsync(HttpClient admin, IdentityApp app, params string[] origins)
    {
        var kbId = await CreateKnowledgeBaseAsync(admin, app);
        var response = await admin.PostAsJsonAsync("/api/v1/widget-keys",
            new { name = "Website", allowed_origins = origins, kb_ids = new[] { kbId } });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!, kbId);
    }

    /// <summary>What the widget does on a page at <paramref name="origin"/>: its key (and visitor id) for a visitor token.</summary>
    public static Task<HttpResponseMessage> CreateWidgetSessionAsync(HttpClient anonymous, string key, string origin, string? visitorId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/widget/sessions")
        {
            Content = JsonContent.Create(new { key, visitor_id = visitorId }),
        };
        request.Headers.Add("Origin", origin);
        return anonymous.SendAsync(request);
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;
}
