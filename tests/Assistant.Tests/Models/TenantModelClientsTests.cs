using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using VoiceHelper.Assistant.Common;
using VoiceHelper.Assistant.Grounding;
using VoiceHelper.Assistant.Models;
using VoiceHelper.Testing;

namespace VoiceHelper.Assistant.Tests.Models;

/// <summary>Tenants' models at run time: their own breaker each, a half-open probe, and health from their outcomes.</summary>
public sealed class TenantModelClientsTests : IAsyncLifetime
{
    private FakeChatCompletionsServer _server = null!;
    private readonly ManualClock _clock = new();

    public async ValueTask InitializeAsync() => _server = await FakeChatCompletionsServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private TenantModel Row(Guid tenantId, string name) => new()
    {
        Id = Guid.NewGuid(), TenantId = tenantId, Name = name, Provider = ModelProviders.OpenAiCompatible, Endpoint = _server.Endpoint.ToString(),
        Model = name, InputPricePer1K = 1, OutputPricePer1K = 1, ContextWindow = 8192, QualityTier = 3, UpdatedAt = _clock.GetUtcNow(),
    };

    /// <summary>The fake server listens on 127.0.0.1, allowed as an internal host.</summary>
    private static readonly TenantNetworkPolicy LocalServers = new([new AgentAllowedHost { Host = "127.0.0.1", AllowPrivate = true }]);

    private static List<Microsoft.Extensions.AI.ChatMessage> Prompt() =>
        GroundedPrompt.Build("How long do refunds take?", [new GroundedSource(1, "Refunds", "Refunds are issued within 14 days.")], strict: false);

    [Fact]
    public async Task A_tenants_failing_model_opens_only_its_own_breaker_is_skipped_and_is_probed_once_after_the_break()
    {
        var options = Options.Create(new ChatModelsOptions
        {
            CircuitBreaker = new CircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 3, BreakDuration = TimeSpan.FromSeconds(30) },
        });
        using var catalog = new ChatModelCatalog(options, _clock);
        using var clients = new TenantModelClients(catalog, new ModelApiKeys(new EphemeralDataProtectionProvider()), options, _clock);
        var health = new ModelHealth();
        var router = new ChatModelRouter(catalog, NullLogger<ChatModelRouter>.Instance, health);
        _server.Behaviours["shaky"] = FakeBehaviour.ServerError;
        var mine = clients.For(Row(Guid.NewGuid(), "shaky"), LocalServers);
        var theirs = clients.For(Row(Guid.NewGuid(), "shaky"), LocalServers);
        IReadOnlyList<ChatModel> chain = [mine, catalog.Chain[^1]];

        for (var i = 0; i < 3; i++)
        {
            (await router.AnswerAsync(chain, Prompt(), null, Ct)).Model.Id.ShouldBe(ExtractiveChatClient.ModelId);
        }
        mine.Circuit.ShouldBe(CircuitState.Open);
        theirs.Circuit.ShouldBe(CircuitState.Closed);
        health.Of(mine.HealthKey).ErrorRate.ShouldBe(1);
        health.Of(theirs.HealthKey).Calls.ShouldBe(0);

        var skipped = await router.AnswerAsync(chain, Prompt(), null, Ct);
        skipped.Failures.Single().Reason.ShouldBe("circuit_open");
        _server.CallsTo("shaky").ShouldBe(3);
        health.Of(mine.HealthKey).Calls.ShouldBe(3); // a refusal by the open breaker is not an outcome of the model

        _server.Behaviours["shaky"] = FakeBehaviour.Normal;
        _clock.Advance(TimeSpan.FromSeconds(31));
        var probed = await router.AnswerAsync(chain, Prompt(), null, Ct);
        probed.Model.Id.ShouldBe("shaky");
        probed.FallbackUsed.ShouldBeFalse();
        mine.Circuit.ShouldBe(CircuitState.Closed);
        _server.CallsTo("shaky").ShouldBe(4);
        health.Of(mine.HealthKey).LatencyP50Ms.ShouldNotBeNull();
    }

    [Fact]
    public void An_updated_row_gets_a_new_client_and_an_unchanged_one_keeps_its_client()
    {
        var options = Options.Create(new ChatModelsOptions());
        using var catalog = new ChatModelCatalog(options, _clock);
        using var clients = new TenantModelClients(catalog, new ModelApiKeys(new EphemeralDataProtectionProvider()), options, _clock);
        var row = Row(Guid.NewGuid(), "m");

        var first = clients.For(row, LocalServers);
        clients.For(row, LocalServers).ShouldBeSameAs(first);
        row.UpdatedAt = row.UpdatedAt.AddSeconds(1);
        clients.For(row, LocalServers).ShouldNotBeSameAs(first);

        row.Provider = ModelProviders.Embedded;
        row.UpdatedAt = row.UpdatedAt.AddSeconds(1);
        var embedded = clients.For(row, LocalServers);
        embedded.LastResort.ShouldBeTrue();
        embedded.Client.ShouldBeSameAs(catalog.Chain[^1].Client);
    }
}
