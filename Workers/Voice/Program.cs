using Microsoft.Extensions.Options;
using VoiceHelper.Contracts;
using VoiceHelper.ServiceDefaults;
using VoiceHelper.ServiceDefaults.Messaging;
using VoiceHelper.Voice.Common;
using VoiceHelper.Voice.HoldVoiceCall;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddSpeechEngines();

builder.Services.AddOptions<VoiceOptions>().BindConfiguration(VoiceOptions.Section).ValidateOnStart()
    .Validate(o => o.EndOfTurnSilenceMs > 0 && o.MaxEndOfTurnSilenceMs >= o.EndOfTurnSilenceMs, "Voice:MaxEndOfTurnSilenceMs must be at least Voice:EndOfTurnSilenceMs.")
    .Validate(o => o.MaxFrameBytes >= 1024 && o.AudioFrameMs is >= 10 and <= 1000 && o.MaxSessionsPerTenant >= 1, "Voice frame and session limits must be positive.");
builder.Services.AddHttpClient<ConversationsClient>((sp, client) =>
    client.BaseAddress = sp.GetRequiredService<IOptions<VoiceOptions>>().Value.ConversationsAddress);
builder.Services.AddSingleton<VoiceSpeaker>();
builder.Services.AddSingleton<VoiceTurnPublisher>();
builder.Services.AddSingleton<VoiceCallRegistry>();
builder.Services.AddSingleton<VoiceCallServices>();
builder.Services.AddOptions<SpeechAdaptationOptions>().BindConfiguration(SpeechAdaptationOptions.Section).ValidateOnStart()
    .Validate(o => o.DomainWeight is > 0 and < 1 && o.LanguageWeight > 0 && o.FlatLanguageWeight > 0 && o.BestPathLanguageWeight > 0 && o.WordInsertionPenalty is > 0 and <= 1 && o.MaxTerms >= 1 && o.MaxChunks >= 1 && o.BuildTimeoutSeconds >= 1
        && o.MaxBasesPerCall >= 1 && o.MaxCombined >= 0, "Voice:Adaptation: weight in (0, 1), positive limits.");
builder.Services.AddSingleton<KnowledgeChunkTexts>();
builder.Services.AddSingleton<SpeechAdaptations>();
builder.Services.AddHostedService<VoiceHelper.Voice.AdaptRecognition.AdaptRecognitionWorker>();
// voice.turn_completed goes to the bus when one is configured; a voice worker without it still serves calls.
if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ResourceNames.EventsDb)))
{
    // document.indexed / document.deleted keep each knowledge base's speech adaptation up to date.
    builder.AddEventBus(ResourceNames.Voice, ResourceNames.EventsDb, bus => bus
        .Handler<VoiceHelper.Voice.AdaptRecognition.AdaptRecognitionOnDocumentIndexed>()
        .Handler<VoiceHelper.Voice.AdaptRecognition.AdaptRecognitionOnDocumentDeleted>());
}

var app = builder.Build();
// Before authentication: a browser's token arrives as a WebSocket subprotocol, not a header.
app.Use((context, next) =>
{
    if (context.Request.Path.StartsWithSegments("/ws/voice"))
    {
        VoiceCallToken.PromoteProtocolToken(context.Request);
    }
    return next(context);
});
app.UseServiceDefaults();
// The call page's scripts and styles (wwwroot/voice; the page itself is the ShowCallPage endpoint) and the widget.
// The website widget (wwwroot/widget.js) runs on tenants' pages and loads the engine and its audio worklet from here, which a
// worklet may do only with CORS: these files are public, so any origin may read them.
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = files =>
    {
        files.Context.Response.Headers.CacheControl = "no-cache";
        files.Context.Response.Headers.AccessControlAllowOrigin = "*";
    },
});
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(15) });
app.MapDefaultEndpoints();
app.MapFeatureEndpoints();
app.Run();

/// <summary>The voice worker's entry point, named so tests can host it.</summary>
public partial class Program;
