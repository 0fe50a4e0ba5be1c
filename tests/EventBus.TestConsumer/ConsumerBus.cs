using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceHelper.ServiceDefaults.Messaging;

namespace VoiceHelper.EventBus.TestConsumer;

/// <summary>The one wiring of the test handlers, used by this program and by the in-process hosts of the tests.</summary>
public static class ConsumerBus
{
    public const string StoreConnection = "store";

    /// <summary>Adds the effects database and the bus; <paramref name="consume"/> false makes a publisher only.</summary>
    public static IHostApplicationBuilder AddTestBus(this IHostApplicationBuilder builder, string serviceName, string instance, bool consume)
    {
        var store = builder.Configuration.GetConnectionString(StoreConnection)!;
        builder.Services.AddDbContext<EffectsDbContext>(options => options.UseNpgsql(store));
        builder.Services.AddSingleton(new ConsumerInstance(instance));
        builder.Services.AddSingleton<PoisonSwitch>();
        builder.AddEventBus(serviceName, StoreConnection, bus =>
        {
            if (consume)
            {
                bus.Handler<RecordEffectHandler>().Handler<PoisonableHandler>();
            }
        });
        return builder;
    }
}
