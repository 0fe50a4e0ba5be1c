using System.Net.Http.Headers;
using System.Net.WebSockets;
using VoiceHelper.Testing;

namespace VoiceHelper.Voice.Tests.Infrastructure;

/// <summary>
/// Voice, a real Conversations and the fake answerer, started once per test class. Limits are small so the tests
/// can reach them: 4 calls per tenant, 3 s idle, 5 s resume window, 1 s clock skew.
/// </summary>
public sealed class VoiceCallApps : IAsyncLifetime
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Voice:MaxSessionsPerTenant"] = "4",
        ["Voice:IdleTimeoutMs"] = "3000",
        ["Voice:ResumeWindowMs"] = "5000",
        ["Speech:Recognizer:Engine"] = "Pocketsphinx",
        // Tokens that expire during a test are refused within a second of it (Conversations is given the same skew).
        ["Jwt:ClockSkew"] = "00:00:01",
    };

    /// <summary>The fake Assistant's answer: three sentences (about ten seconds of speech) that name the question.</summary>
    public static string AnswerFor(string query) =>
        $"You asked about {query.Trim().TrimEnd('?', '.')}. The warranty lasts two years from the date of purchase and covers parts and labour. " +
        "To make a claim, open the support page, choose warranty, and attach a photo of the receipt.";

    public TestTokens Tokens { get; } = new();

    public FakeAssistant Answerer { get; private set; } = null!;

    public ConversationsHost Conversations { get; private set; } = null!;

    public VoiceHost Voice { get; private set; } = null!;

    /// <summary>The widget's gateway routes on the voice worker's origin (sessions, conversations).</summary>
    public WidgetFront Widget { get; private set; } = null!;

    /// <summary>Conversations' database, for tests that take its locks the way a concurrent writer would.</summary>
    public string ConversationsDatabase { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Answerer = await FakeAssistant.StartAsync(AnswerFor, "Warranty", "Two years.");
        Answerer.TokenDelay = TimeSpan.FromMilliseconds(5);
        var events = await TestServers.CreateDatabaseAsync("voice_events");
        ConversationsDatabase = await TestServers.CreateDatabaseAsync("voice_conv");
        Conversations = new ConversationsHost(Tokens, ConversationsDatabase, events, Answerer.Address);
        Conversations.Start();
        Widget = new WidgetFront(Tokens, () => Conversations.Address);
        Voice = new VoiceHost(Tokens, Conversations.Address, events, Settings, new CompositeFront(new GatewayStandIn(() => NewCaller()), Widget));
        Voice.Start();
    }

    public Caller NewCaller(Guid? tenantId = null)
    {
        var tenant = tenantId ?? Guid.NewGuid();
        var user = Guid.NewGuid();
        return new Caller(tenant, user, Tokens.Issue(tenant, user, ["member"]));
    }

    public Uri CallUri(Caller? caller, string query = "")
    {
        var builder = new UriBuilder(Voice.Address) { Scheme = "ws", Path = "/ws/voice" };
        var parts = new List<string>();
        if (caller is not null)
        {
            parts.Add($"access_token={caller.Token}");
        }
        if (query.Length > 0)
        {
            parts.Add(query);
        }
        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }

    public async Task<CallClient> CallAsync(Caller caller, string query = "")
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(CallUri(caller, query), TestContext.Current.CancellationToken);
        return new CallClient(socket);
    }

    public HttpClient ConversationsClient(Caller caller)
    {
        var client = new HttpClient { BaseAddress = Conversations.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", caller.Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Voice.DisposeAsync();
        await Conversations.DisposeAsync();
        await Answerer.DisposeAsync();
        Tokens.Dispose();
    }
}
