using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoiceHelper.Assistant.Models;

public static class ChatRegistration
{
    /// <summary>Adds the model catalog from <c>Ai:Chat</c> and the router that walks its fallback chain.</summary>
    public static IServiceCollection AddChatModels(this IServiceCollection services)
    {
        services.AddOptions<ChatModelsOptions>().BindConfiguration(ChatModelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatModelCatalog>();
        services.AddSingleton<ChatModelRouter>();
        return services;
    }
}
