using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Discovery;

namespace VoiceHelper.ServiceDefaults.Tests.Discovery;

public sealed class ServiceDiscoveryTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clients_from_the_factory_reach_a_service_by_name_and_retry_idempotent_calls()
    {
        var calls = 0;
        await using var server = await StartTargetAsync(app =>
            app.MapGet("/flaky", () => Interlocked.Increment(ref calls) < 2 ? Results.StatusCode(503) : Results.Text("ok")));
        await using var app = await TestApp.StartAsync(new() { ["services:probe:http:0"] = Address(server) });
        var client = app.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceDiscoveryRegistration.DiscoveryClientName);

        var text = await client.GetStringAsync(new Uri("http://probe/flaky"), Ct);

        text.ShouldBe("ok");
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_failed_post_is_never_sent_twice()
    {
        var calls = 0;
        await using var server = await StartTargetAsync(app =>
            app.MapPost("/create", () => { Interlocked.Increment(ref calls); return Results.StatusCode(503); }));
        await using var app = await TestApp.StartAsync(new() { ["services:probe:http:0"] = Address(server) });
        var client = app.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceDiscoveryRegistration.DiscoveryClientName);

        using var response = await client.PostAsync(new Uri("http://probe/create"), new StringContent("{}"), Ct);

        ((int)response.StatusCode).ShouldBe(503);
        calls.ShouldBe(1);
    }

    private static async Task<WebApplication> StartTargetAsync(Action<WebApplication> map)
    {
        var target = WebApplication.CreateBuilder();
        target.WebHost.UseUrls("http://127.0.0.1:0");
        var server = target.Build();
        map(server);
        await server.StartAsync(Ct);
        return server;
    }

    private static string Address(WebApplication server) =>
        server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
