using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests.Messaging;

public sealed class DeadLetterAdminEndpointTests
{
    private const string Route = "/api/v1/admin/events/dead-letters";

    [Fact]
    public async Task A_tenant_admin_lists_and_replays_only_their_own_tenants_dead_letters()
    {
        var eventsDb = await TestServers.CreateDatabaseAsync("bus_admin");
        using var tokens = new TestTokens();
        var recorder = new EventRecorder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration[$"ConnectionStrings:{ResourceNames.EventsDb}"] = eventsDb;
        builder.Configuration["EventBus:MaxAttempts"] = "1";
        builder.Services.AddSingleton<ISigningKeySource>(new StaticSigningKeys(tokens.Key));
        builder.Services.AddSingleton(recorder);
        builder.Services.AddSingleton(new InstanceName("service"));
        builder.AddServiceDefaults();
        builder.Logging.ClearProviders();
        builder.AddEventHandler<SequencedEvent, RecordingHandler>("indexer");
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapEventBusAdmin();
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = app.GetTestClient();

        var (tenant, other) = (Guid.NewGuid(), Guid.NewGuid());
        var publisher = app.Services.GetRequiredService<IEventPublisher>();
        await publisher.PublishAsync(new SequencedEvent(tenant, null, 1, Poison: true), cancellationToken: TestContext.Current.CancellationToken);
        await publisher.PublishAsync(new SequencedEvent(other, null, 2, Poison: true), cancellationToken: TestContext.Current.CancellationToken);
        await Eventually.UntilAsync(async () => await OutboxTests.CountOrZero(eventsDb, "SELECT count(*) FROM bus_dead_letters") == 2,
            TimeSpan.FromSeconds(30), "both poison events are dead letters");
        var admin = tokens.Issue(tenant, Guid.NewGuid(), [Roles.Admin]);

        (await Send(client, HttpMethod.Get, Route, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Send(client, HttpMethod.Get, Route, tokens.Issue(tenant, Guid.NewGuid(), [Roles.Member]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send(client, HttpMethod.Get, $"{Route}?page_size=0", admin)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var listed = await Send(client, HttpMethod.Get, Route, admin);
        listed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await listed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        page.GetProperty("has_next").GetBoolean().ShouldBeFalse();
        var item = page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("tenant_id").GetGuid().ShouldBe(tenant);
        item.GetProperty("error").GetString()!.ShouldContain("poison event 1 refused");
        var id = item.GetProperty("id").GetInt64();

        var otherId = await OutboxTests.Count(eventsDb, $"SELECT id FROM bus_dead_letters WHERE tenant_id = '{other}'");
        (await Send(client, HttpMethod.Post, $"{Route}/{otherId}/replay", admin)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        recorder.Healed = true;
        (await Send(client, HttpMethod.Post, $"{Route}/{id}/replay", admin)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await Send(client, HttpMethod.Post, $"{Route}/{id}/replay", admin)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await Eventually.UntilAsync(() => recorder.Handled.Any(h => h.Sequence == 1), TimeSpan.FromSeconds(30), "the replayed event is handled");
        recorder.Handled.ShouldNotContain(h => h.Sequence == 2, "the other tenant's dead letter stays dead");
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string uri, string? token)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
