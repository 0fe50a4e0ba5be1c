using Microsoft.Extensions.Hosting;
using VoiceHelper.EventBus.TestConsumer;

// A consumer process for the SIGKILL test: configuration from the environment (ConnectionStrings__store,
// ConnectionStrings__messaging, EventBus__*, Consumer__Instance); it handles until killed.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ApplicationName = typeof(ConsumerBus).Assembly.GetName().Name,
});
builder.AddTestBus("consumer", builder.Configuration["Consumer:Instance"] ?? "process", consume: true);
await builder.Build().RunAsync();
