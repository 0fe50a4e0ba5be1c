using Microsoft.Extensions.Hosting;
using VoiceHelper.Contracts.Events;
using VoiceHelper.EventBus.TestConsumer;
using VoiceHelper.ServiceDefaults.Messaging;

// Configuration comes from the environment the test sets: ConnectionStrings__eventsdb, ConnectionStrings__effectsdb,
// EventBus__*, and EVENTBUS_TEST_HANG (before-commit | after-commit) to stall inside the handler until killed.
var builder = Host.CreateApplicationBuilder(args);
builder.AddOutbox(EffectHandler.Database);
builder.AddEventHandler<DocumentUploaded, EffectHandler>("kill-test");
await builder.Build().RunAsync();
