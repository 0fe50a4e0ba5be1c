using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Discovery;

namespace VoiceHelper.ServiceDefaults.Tests.Discovery;

public sealed class ServiceDiscoveryTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://identity/.well-known/jwks.json", "http://127.0.0.1:5123/.well-known/jwks.json")]
    [InlineData("http://unknown/x", null)]
    [InlineData("http://example.com/x", null)]
    public void Service_names_resolve_through_the_aspire_variables(string requested, string? expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:identity:http:0"] = "http://127.0.0.1:5123" })
            .Build();

        ServiceDiscoveryHandler.Resolve(configuration, new Uri(requested))?.ToString().ShouldBe(expected);
    }

    [Fact]
    public async Task Clients_from_the_factory_reach_a_service_by_name_and_retry_idempotent_calls()
    {
        var calls = 0;
        var target = WebApplication.CreateBuilder();
        target.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = target.Build();
        server.MapGet("/flaky", () => Interlocked.Increment(ref calls) < 2 ? Results.StatusCode(503) : Results.Text("ok"));
        await server.StartAsync(Ct);
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        await using var app = await TestApp.StartAsync(new() { ["services:probe:http:0"] = address });
        var client = app.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ServiceDiscoveryRegistration.DiscoveryClientName);

        var text = await client.GetStringAsync(new Uri("http://probe/flaky"), Ct);

        text.ShouldBe("ok");
        calls.ShouldBe(2);
    }
}
