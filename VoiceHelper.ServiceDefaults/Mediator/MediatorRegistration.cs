using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Mediator;

/// <summary>
/// MediatR 5.1 is the newest version that restores here and it ships no DI package, so handlers,
/// validators and behaviours are registered by scanning the service's assembly once.
/// </summary>
public static class MediatorRegistration
{
    /// <summary>Registers the mediator, every request handler and validator in <paramref name="assembly"/>, and the validation behaviour.</summary>
    public static IServiceCollection AddMediatorFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>))
                {
                    services.AddScoped(contract, type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    services.AddSingleton(contract, type);
                }
            }
        }
        return services;
    }
}
