using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.Contracts;
using VoiceHelper.Messaging.Tests.Infrastructure;
using VoiceHelper.ServiceDefaults.Messaging;
using Wolverine;

namespace VoiceHelper.Messaging.Tests;

/// <summary>Retries, then dead letters, listed and replayed through the real admin endpoints over HTTP.</summary>
public sealed class DeadLetterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_that_always_fails_is_dead_lettered_after_its_retries_and_replayed_once_from_the_admin_endpoint()
    {
        var system = await BusSystem.CreateAsync();
        await using var app = await AdminApp.StartAsync(system);
        using var producer = await StartProducerAsync(system);
        var tenant = Guid.NewGuid();
        var document = Guid.NewGuid();
        app.Poison.Poison(document);

        await PublishAsync(producer, Events.Failed(tenant, document));
        var letter = await SingleDeadLetterAsync(app, tenant);

        letter.GetProperty("topic").GetString().ShouldBe("document.failed");
        letter.GetProperty("tenant_id").GetGuid().ShouldBe(tenant);
        letter.GetProperty("payload").GetProperty("document_id").GetGuid().ShouldBe(document);
        letter.GetProperty("exception_type").GetString()!.ShouldContain(nameof(InvalidOperationException));
        letter.GetProperty("replay_requested").GetBoolean().ShouldBeFalse();
        app.Poison.Refusals(document).ShouldBe(3, "EventBus:Retry:MaxAttempts is 3 in the test system");
        (await EffectsOfAsync(system, document)).ShouldBe(0);

        app.Poison.Heal(document);
        var id = letter.GetProperty("id").GetGuid();
        using (var replay = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"dead-letters/{id}/replay", tenant), Ct))
        {
            replay.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        await Eventually.UntilAsync(async () => await EffectsOfAsync(system, document) == 1, TimeSpan.FromSeconds(30), "the replayed event is handled");
        // Nothing is left that could run it again: the letter is gone and the inbox holds the envelope as handled.
        var inbox = $"{EventBusRegistration.StoreSchema(AdminApp.Service)}.wolverine_incoming_envelopes";
        await Eventually.UntilAsync(async () => await system.ScalarAsync($"SELECT count(*) FROM {inbox} WHERE id = '{id}' AND status = 'Handled'") == 1,
            TimeSpan.FromSeconds(30), "the replayed envelope is marked handled");
        (await ListAsync(app, tenant)).GetProperty("items").GetArrayLength().ShouldBe(0);
        (await EffectsOfAsync(system, document)).ShouldBe(1, "the replay ran more than once");
        app.Poison.Refusals(document).ShouldBe(3);

        // The replayed letter no longer exists: replaying it again is 404, not a second run.
        using var again = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"dead-letters/{id}/replay", tenant), Ct);
        await ShouldBeProblemAsync(again, HttpStatusCode.NotFound, "dead_letter_not_found");
        (await EffectsOfAsync(system, document)).ShouldBe(1);
    }

    [Fact]
    public async Task Another_tenants_dead_letters_are_invisible_and_cannot_be_replayed()
    {
        var system = await BusSystem.CreateAsync();
        await using var app = await AdminApp.StartAsync(system);
        using var producer = await StartProducerAsync(system);
        var owner = Guid.NewGuid();
        var stranger = Guid.NewGuid();
        var document = Guid.NewGuid();
        app.Poison.Poison(document);
        await PublishAsync(producer, Events.Failed(owner, document));
        var id = (await SingleDeadLetterAsync(app, owner)).GetProperty("id").GetGuid();

        var strangersPage = await ListAsync(app, stranger);
        strangersPage.GetProperty("items").GetArrayLength().ShouldBe(0);
        strangersPage.GetProperty("has_next").GetBoolean().ShouldBeFalse();
        using (var replay = await app.Client.SendAsync(app.Request(HttpMethod.Post, $"dead-letters/{id}/replay", stranger), Ct))
        {
            await ShouldBeProblemAsync(replay, HttpStatusCode.NotFound, "dead_letter_not_found");
        }
        using (var replayAll = await app.Client.SendAsync(app.Request(HttpMethod.Post, "dead-letters/replay", stranger), Ct))
        {
            replayAll.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            JsonDocument.Parse(await replayAll.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("replayed").GetInt32().ShouldBe(0);
        }
        // Only admins and owners see the letters at all.
        using (var member = await app.Client.SendAsync(app.Request(HttpMethod.Get, "dead-letters", owner, Roles.Member), Ct))
        {
            await ShouldBeProblemAsync(member, HttpStatusCode.Forbidden, "forbidden");
        }

        // The owner's letter is untouched by the stranger's attempts.
        var ownersLetter = await SingleDeadLetterAsync(app, owner, Roles.Owner);
        ownersLetter.GetProperty("id").GetGuid().ShouldBe(id);
        ownersLetter.GetProperty("replay_requested").GetBoolean().ShouldBeFalse();
        (await EffectsOfAsync(system, document)).ShouldBe(0);
    }

    private static async Task<IHost> StartProducerAsync(BusSystem system)
    {
        var producer = system.Host("producer", "producer", consume: false);
        await producer.StartAsync(Ct);
        return producer;
    }

    private static async Task PublishAsync(IHost producer, object @event)
    {
        using var scope = producer.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(@event);
    }

    private static async Task<JsonElement> ListAsync(AdminApp app, Guid tenant, string role = Roles.Admin)
    {
        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "dead-letters", tenant, role), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Waits (retries take a moment) until the tenant's list shows its one dead letter, and returns it.</summary>
    private static async Task<JsonElement> SingleDeadLetterAsync(AdminApp app, Guid tenant, string role = Roles.Admin)
    {
        var page = default(JsonElement);
        await Eventually.UntilAsync(async () => (page = await ListAsync(app, tenant, role)).GetProperty("items").GetArrayLength() > 0,
            TimeSpan.FromSeconds(30), "the event is in the dead letters");
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        return page.GetProperty("items")[0];
    }

    private static Task<long> EffectsOfAsync(BusSystem system, Guid document) =>
        system.ScalarAsync($"SELECT count(*) FROM effects WHERE event_id = '{document}'");

    private static async Task ShouldBeProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString().ShouldBe(code);
    }
}
