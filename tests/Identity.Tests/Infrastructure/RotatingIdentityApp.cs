using Microsoft.AspNetCore.Hosting;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>
/// Keys rotate every 30 minutes and the clock starts 40 minutes in the past, so that a token signed by the
/// first key is still valid in real time when the second key takes over.
/// </summary>
public sealed class RotatingIdentityApp : IdentityApp
{
    public static readonly TimeSpan RotationInterval = TimeSpan.FromMinutes(30);

    public RotatingIdentityApp() => Clock.Advance(TimeSpan.FromMinutes(-40));

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("SigningKeys:RotationInterval", RotationInterval.ToString());
}
