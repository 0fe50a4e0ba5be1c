using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceHelper.Testing;

/// <summary>
/// A tenant's website on its own loopback port (so its own origin): one page, <c>/?key=vhw_...[&amp;lang=zh-CN]</c> (the
/// page's <c>&lt;html lang&gt;</c>, English by default), with the widget's script tag taken from the widget server it is
/// given (the gateway, or the voice worker that serves <c>widget.js</c>).
/// </summary>
public sealed class HostPage : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HostPage(WebApplication app) => _app = app;

    public string Origin => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public static async Task<HostPage> StartAsync(Uri widgetServer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var script = new Uri(widgetServer, "/widget.js");
        app.MapGet("/", (string? key, string? lang) => Results.Content($"""
            <!doctype html>
            <html lang="{System.Net.WebUtility.HtmlEncode(lang ?? "en")}"><head><meta charset="utf-8"><title>Acme Appliances</title></head>
            <body style="font-family: Georgia, serif; background: #fbfaf7; margin: 40px">
              <h1>Acme Appliances</h1>
              <p>Dishwashers, ovens and fridges, delivered and installed. Questions about your warranty? Ask below.</p>
              <script src="{script}" data-key="{System.Net.WebUtility.HtmlEncode(key)}" data-title="Acme help"></script>
            </body></html>
            """, "text/html; charset=utf-8"));
        await app.StartAsync();
        return new HostPage(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
