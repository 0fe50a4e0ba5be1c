extern alias console;
extern alias identity;
extern alias knowledge;
extern alias ingestion;
extern alias assistant;
extern alias conversations;
extern alias voice;
using System.Security.Cryptography;
using VoiceHelper.Testing;

namespace VoiceHelper.Console.Tests.Infrastructure;

/// <summary>
/// The console and the real services behind the public routes it calls (Identity, Knowledge with the Ingestion worker,
/// Assistant, Conversations), each on a loopback port over fresh databases, one event bus and the test Redis. Tokens
/// come from the real Identity and every service checks them against its JWKS, as behind the gateway.
/// </summary>
public class ConsoleSystem : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _hosts = [];

    public Uri Console { get; private set; } = null!;

    /// <summary>Whether the voice worker runs too (its call page engine and /ws/voice, reached by the console's call page).</summary>
    protected virtual bool WithVoice => false;

    /// <summary>Identity and the Assistant, for the settings a test makes through the public API rather than a page.</summary>
    public Uri Identity { get; private set; } = null!;

    public Uri Assistant { get; private set; } = null!;

    /// <summary>Identity's database, where the test counts the refresh tokens the console used.</summary>
    public string IdentityDb { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var events = await TestServers.CreateDatabaseAsync("console_events");
        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings:eventsdb"] = events,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            // Identity's shortest access-token lifetime, honoured to the second, and a console that refreshes a token
            // a second after it is issued: the journey runs on many rotated tokens, as a long session would.
            ["Tokens:AccessTokenLifetime"] = "00:01:00",
            ["Jwt:ClockSkew"] = "00:00:00",
            ["Console:TokenRefreshMargin"] = "00:00:59",
        };
        foreach (var (key, value) in TestBus.ForEventsDb(events))
        {
            common[key] = value;
        }

        // Identity asks Knowledge about a widget key's knowledge bases and Knowledge trusts Identity's keys: Knowledge's
        // port is chosen first so that both know each other's address.
        var knowledgePort = FreeLoopbackPort();
        common["services:knowledge:http:0"] = $"http://127.0.0.1:{knowledgePort}";
        IdentityDb = await TestServers.CreateDatabaseAsync("console_identity");
        var identity = Start<identity::Program>(common, new()
        {
            ["ConnectionStrings:identitydb"] = IdentityDb,
            ["SigningKeys:KeyEncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        });
        common["services:identity:http:0"] = identity.ToString().TrimEnd('/');
        Identity = identity;

        var knowledgeDb = await TestServers.CreateDatabaseAsync("console_knowledge");
        var knowledge = Start<knowledge::Program>(common, new() { ["ConnectionStrings:knowledgedb"] = knowledgeDb }, knowledgePort);
        Start<ingestion::Program>(common, new() { ["ConnectionStrings:knowledgedb"] = knowledgeDb });

        var assistant = Start<assistant::Program>(common, new() { ["ConnectionStrings:assistantdb"] = await TestServers.CreateDatabaseAsync("console_assistant") });
        common["services:assistant:http:0"] = assistant.ToString().TrimEnd('/');
        Assistant = assistant;

        var conversations = Start<conversations::Program>(common,
            new() { ["ConnectionStrings:conversationsdb"] = await TestServers.CreateDatabaseAsync("console_conversations") });
        common["services:conversations:http:0"] = conversations.ToString().TrimEnd('/');

        var console = new Dictionary<string, string?>();
        if (WithVoice)
        {
            // The gateway would route /voice/ and /ws/ to it on the console's origin; here the page is told where it is.
            console["Console:VoiceAddress"] = Start<voice::Program>(common, new()
            {
                ["ConnectionStrings:knowledgedb"] = knowledgeDb,
                ["Voice:ConversationsAddress"] = conversations.ToString(),
                ["Speech:Recognizer:Engine"] = "Pocketsphinx",
            }).ToString();
        }
        Console = Start<console::Program>(common, console);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Uri Start<TEntryPoint>(Dictionary<string, string?> common, Dictionary<string, string?> own, int port = 0) where TEntryPoint : class
    {
        var settings = new Dictionary<string, string?>(common);
        foreach (var (key, value) in own)
        {
            settings[key] = value;
        }
        var host = new LoopbackService<TEntryPoint>(settings);
        _hosts.Add(host);
        return host.Start(port);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }
    }
}
