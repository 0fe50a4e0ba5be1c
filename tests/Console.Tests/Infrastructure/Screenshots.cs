using Microsoft.Playwright;

namespace VoiceHelper.Console.Tests.Infrastructure;

/// <summary>Each page as a desktop and a phone shows it, saved under the test output's screenshots/ folder.</summary>
public static class Screenshots
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 860 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static async Task TakeAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }
}
