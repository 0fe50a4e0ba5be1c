using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceHelper.ServiceDefaults.Http;
using VoiceHelper.ServiceDefaults.Problems;

namespace VoiceHelper.ServiceDefaults.Mediator;

/// <summary>
/// MediatR 5.1 ships no DI package, so its handlers are registered by scanning the service's assembly once;
/// validators are found by FluentValidation's own scanning.
/// </summary>
public static class MediatorRegistration
{
    /// <summary>Registers the mediator, every request handler and validator in <paramref name="assembly"/>, the page rules of every
    /// <see cref="IPageRequest"/>, and the validation behaviour.</summary>
    public static IServiceCollection AddMediatorFrom(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, MediatR.Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        // Validators check shape only (no I/O, no per-request state), so one instance serves every request.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IValidator<>), typeof(PageRequestValidator<>)));
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>))
                {
                    services.AddScoped(contract, type);
                }
            }
        }
        return services;
    }
}
