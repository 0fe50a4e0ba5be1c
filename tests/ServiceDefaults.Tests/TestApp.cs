using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Problems;
using VoiceHelper.ServiceDefaults.Security;
using VoiceHelper.Testing;

namespace VoiceHelper.ServiceDefaults.Tests;

/// <summary>A small service built with the real defaults, hosted in memory, with a few endpoints that exercise them.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app) => App = app;

    public WebApplication App { get; }

    /// <summary>A client of the real Kestrel server (request limits are Kestrel's, an in-memory server would skip them).</summary>
    public HttpClient Client { get; private set; } = null!;
    public int Executions;

    public static async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, TestTokens? tokens = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "VoiceHelper.ServiceDefaults.Tests", EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = TestServers.Redis,
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.AddServiceDefaults();
        builder.Services.AddMediatorFrom(typeof(TestApp).Assembly);
        if (tokens is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(new FixedKeySource(tokens.Key)));
        }
        var app = builder.Build();
        var testApp = new TestApp(app);
        app.UseServiceDefaults();
        app.MapDefaultEndpoints();
        app.MapPost("/echo", async (EchoBody body, IMediator mediator) =>
            (await mediator.Send(new EchoRequest(body.Name, body.Count))).ToHttpResult());
        app.MapGet("/boom", IResult () => throw new InvalidOperationException("secret internal detail"));
        app.MapPost("/items", (EchoBody body) =>
        {
            var execution = Interlocked.Increment(ref testApp.Executions);
            return TypedResults.Created($"/items/{execution}", new { id = Guid.NewGuid(), execution, name = body.Name });
        });
        app.MapGet("/secure", (ITenantContext tenant) => new { tenant = tenant.TenantId, user = tenant.UserId })
            .RequireAuthorization(Policies.Authenticated);
        app.MapGet("/admin", () => "ok").RequireAuthorization(Policies.TenantAdmin);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        testApp.Client = new HttpClient { BaseAddress = new Uri(address) };
        return testApp;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed class FixedKeySource(Microsoft.IdentityModel.Tokens.SecurityKey key) : ISigningKeySource
    {
        public IReadOnlyCollection<Microsoft.IdentityModel.Tokens.SecurityKey> GetKeys(string? keyId) => [key];
    }
}
