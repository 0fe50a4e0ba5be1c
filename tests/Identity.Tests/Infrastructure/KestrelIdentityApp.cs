namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>Identity on a real loopback port, for a second service that must fetch the JWKS over HTTP.</summary>
public class KestrelIdentityApp : IdentityApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
    }
}

/// <summary>Identity on a loopback port with the real Knowledge beside it: what widget keys need (their knowledge bases are looked up there).</summary>
public sealed class WidgetIdentityApp : KestrelIdentityApp
{
    protected override bool WithKnowledge => true;
}
