using Microsoft.AspNetCore.Hosting;

namespace VoiceHelper.Identity.Tests.Infrastructure;

/// <summary>Low per-IP and per-account limits, to watch them trip.</summary>
public sealed class StrictLimitsIdentityApp : IdentityApp
{
    public const int AuthPermitsPerIp = 6;
    public const int AccountPermits = 3;

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimits:AuthPermitsPerIp", AuthPermitsPerIp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("AccountThrottle:PermitsPerWindow", AccountPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
