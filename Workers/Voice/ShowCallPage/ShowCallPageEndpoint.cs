using Microsoft.Net.Http.Headers;
using VoiceHelper.ServiceDefaults.Endpoints;

namespace VoiceHelper.Voice.ShowCallPage;

/// <summary>
/// <c>GET /voice</c>: the call page (static HTML and JavaScript in <c>wwwroot/voice</c>, its assets under
/// <c>/voice/</c>). It signs in and lists knowledge bases through the gateway, so it only works served from there.
/// </summary>
public sealed class ShowCallPageEndpoint : IEndpoint
{
    // Routing matches "/voice/" here too.
    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/voice", Page)
            .WithName("ShowCallPage")
            .AllowAnonymous()
            .ExcludeFromDescription();

    private static IResult Page(HttpContext http, IWebHostEnvironment environment)
    {
        var page = environment.WebRootFileProvider.GetFileInfo("voice/index.html");
        if (!page.Exists || page.PhysicalPath is null)
        {
            return TypedResults.NotFound();
        }
        // The page names its assets without a version: always revalidate, so a deployment is picked up at once.
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
