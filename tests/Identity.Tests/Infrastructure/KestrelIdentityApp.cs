namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>Identity on a real loopback port, for a second service that must fetch the JWKS over HTTP.</summary>
public sealed class KestrelIdentityApp : IdentityApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
    }
}
