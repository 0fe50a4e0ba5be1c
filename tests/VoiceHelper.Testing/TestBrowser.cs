using Microsoft.Playwright;

namespace VoiceHelper.Testing;

/// <summary>Debian's Chromium driven by Playwright, headless, with the flags this machine needs.</summary>
public static class TestBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("VOICEHELPER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", .. extraArgs],
        });
}
