using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Microsoft.Extensions.Options;
using VoiceHelper.Contracts;
using VoiceHelper.Identity.CreateWidgetKey;
using VoiceHelper.Identity.Login;
using VoiceHelper.Identity.RotateSigningKeys;
using VoiceHelper.Identity.VerifyApiKey;
using VoiceHelper.ServiceDefaults.Data;
using VoiceHelper.ServiceDefaults.Mediator;
using VoiceHelper.ServiceDefaults.Security;

namespace VoiceHelper.Identity.Common;

public static class ApplicationServices
{
    /// <summary>Identity's wiring: identitydb and its migrations, the mediator, the key store, token issuing and revocation.</summary>
    public static WebApplicationBuilder AddApplicationServices(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ResourceNames.Cache)))
        {
            throw new InvalidOperationException(
                $"Identity needs ConnectionStrings:{ResourceNames.Cache}: logout and disabling a user take effect through Redis.");
        }
        var assembly = typeof(ApplicationServices).Assembly;
        builder.AddNpgsqlDataSource(ResourceNames.IdentityDb);
        builder.AddMigrations(assembly);
        builder.AddTenantDbContext<IdentityDbContext>();
        builder.Services.AddMediatorFrom(assembly);

        builder.Services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AccountLockoutOptions>().BindConfiguration(AccountLockoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AccountThrottleOptions>().BindConfiguration(AccountThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SigningKeyOptions>().BindConfiguration(SigningKeyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PasswordHasherOptions>().BindConfiguration("PasswordHashing");

        builder.Services.AddSingleton<PasswordHashing>();
        builder.Services.AddSingleton<SigningKeyStore>();
        // Identity validates its own tokens from its key store rather than fetching its own JWKS over HTTP.
        builder.Services.Replace(ServiceDescriptor.Singleton<ISigningKeySource>(sp => sp.GetRequiredService<SigningKeyStore>()));
        builder.Services.AddHostedService<RotateSigningKeysService>();
        builder.Services.Replace(ServiceDescriptor.Scoped<IApiKeyVerifier, VerifyApiKeyLocally>());
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<TokenRevocation>();
        builder.Services.AddSingleton<AccountThrottle>();
        builder.Services.AddSingleton<VoiceHelper.Identity.CreateWidgetSession.WidgetExchangeCounter>();
        builder.Services.AddOptions<KnowledgeServiceOptions>().BindConfiguration(KnowledgeServiceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpClient<KnowledgeBaseLookup>((sp, client) =>
            client.BaseAddress = sp.GetRequiredService<IOptions<KnowledgeServiceOptions>>().Value.BaseAddress);

        return builder;
    }
}
