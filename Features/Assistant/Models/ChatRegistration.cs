using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoiceHelper.Assistant.Models;

public static class ChatRegistration
{
    /// <summary>Adds the model catalog from <c>Ai:Chat</c>, the router that walks a chain, the tenants' models, their health, routing and budgets.</summary>
    public static IServiceCollection AddChatModels(this IServiceCollection services)
    {
        services.AddOptions<ChatModelsOptions>().BindConfiguration(ChatModelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatModelCatalog>();
        services.AddSingleton<ChatModelRouter>();
        services.AddOptions<RouterOptions>().BindConfiguration(RouterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModelHealth>();
        services.AddSingleton<TenantModelClients>();
        services.AddSingleton<Common.BudgetLedger>();
        services.AddScoped<TenantRouter>();
        return services;
    }
}
