using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;
using VoiceHelper.Console.Tests.Infrastructure;
using VoiceHelper.Testing;
using static Microsoft.Playwright.Assertions;

namespace VoiceHelper.Console.Tests.UseConsole;

/// <summary>
/// The console in Debian's Chromium, as a tenant's owner uses it: register, build a knowledge base from a PDF and a
/// Markdown file, ask, open a citation, watch usage change, sign out. Every page is saved at desktop and phone width.
/// </summary>
public sealed class ConsoleJourneyTests(ConsoleSystem system) : IClassFixture<ConsoleSystem>
{
    private static readonly LocatorAssertionsToHaveCountOptions Slow = new() { Timeout = 120_000 };

    [Fact(Timeout = 600_000)]
    public async Task An_owner_registers_builds_a_knowledge_base_asks_with_a_citation_sees_usage_and_signs_out()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await TestBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = Screenshots.Desktop, BaseURL = system.Console.ToString() });
        var files = Directory.CreateTempSubdirectory("console-upload-");
        try
        {
            page.Console += (_, m) => TestContext.Current.TestOutputHelper!.WriteLine($"console: {m.Text}");
            page.RequestFailed += (_, r) => TestContext.Current.TestOutputHelper!.WriteLine($"failed: {r.Url}");
            page.Response += (_, r) => TestContext.Current.TestOutputHelper!.WriteLine($"{r.Status} {r.Url}");
            // Signed out, every page leads to sign-in.
            await page.GotoAsync("/");
            await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
            await Screenshots.TakeAsync(page, "01-signin");

            await page.ClickAsync("a[href='/register']");
            await page.FillAsync("#tenant", "Acme Outdoor");
            var email = $"owner-{Guid.NewGuid():N}@example.test";
            await page.FillAsync("#email", email);
            await page.FillAsync("#username", "owner");
            await page.FillAsync("#password", "Correct horse battery 9");
            await Screenshots.TakeAsync(page, "02-register");
            await page.ClickAsync("#register button[type=submit]");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Knowledge bases");
            await Expect(page.Locator("#who")).ToHaveTextAsync("owner");

            await page.FillAsync("#kb-name", "Store policies");
            await page.FillAsync("#kb-description", "Returns and warranty");
            await page.ClickAsync("#create-kb button[type=submit]");
            await Expect(page.Locator("#kb-list li")).ToHaveCountAsync(1);
            await Screenshots.TakeAsync(page, "03-knowledge-bases");

            await page.ClickAsync("#kb-list li a.button:has-text('Open')");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Store policies");
            var pdf = Path.Combine(files.FullName, "warranty.pdf");
            await File.WriteAllBytesAsync(pdf, await PdfOfAsync(browser,
                "<h1>Warranty</h1><p>The warranty lasts two years from the date of purchase and covers parts and labour.</p>"), TestContext.Current.CancellationToken);
            var markdown = Path.Combine(files.FullName, "returns.md");
            await File.WriteAllTextAsync(markdown,
                "# Returns\n\nYou can return any item within 30 days of delivery for a full refund.\n\n" +
                "## Refund method\n\nRefunds go back to the original payment method within five business days.\n", Encoding.UTF8, TestContext.Current.CancellationToken);
            await page.SetInputFilesAsync("#files", [pdf, markdown]);
            await Expect(page.Locator("#documents tbody tr")).ToHaveCountAsync(2, Slow);
            await Expect(page.Locator("#documents .status.indexed")).ToHaveCountAsync(2, Slow);

            // A file that cannot be read fails, with the reason shown.
            var broken = Path.Combine(files.FullName, "broken.pdf");
            await File.WriteAllTextAsync(broken, "%PDF-1.4\n1 0 obj << /Type /Catalog >> no xref, no trailer\n", TestContext.Current.CancellationToken);
            await page.SetInputFilesAsync("#files", broken);
            var failed = page.Locator("#documents tr", new() { HasText = "broken.pdf" });
            await Expect(failed.Locator(".status.failed")).ToHaveCountAsync(1, Slow);
            await Expect(failed.Locator(".error")).Not.ToBeEmptyAsync();
            await failed.Locator("button.danger").ClickAsync();
            await Expect(page.Locator("#documents tbody tr")).ToHaveCountAsync(2);

            await page.FillAsync("#query", "refund days");
            await page.ClickAsync("#search button[type=submit]");
            await Expect(page.Locator("#hits mark").First).ToBeVisibleAsync();
            await Screenshots.TakeAsync(page, "04-documents");

            await page.ClickAsync("#nav a[href='/usage']");
            var questionsToday = page.Locator("#day-questions rect.bar").Last;
            await Expect(questionsToday).ToHaveAttributeAsync("data-value", "0");

            await page.ClickAsync("#nav a[href='/playground']");
            await Expect(page.Locator("#playground-kb option:checked")).ToHaveTextAsync("Store policies");
            await page.FillAsync("#question", "How many days do I have to return an item?");
            await page.ClickAsync("#ask button[type=submit]");
            var answer = page.Locator("#turns li.assistant").Last;
            await Expect(answer.Locator(".bubble")).ToContainTextAsync("30 days", new() { Timeout = 60_000 });
            await answer.Locator("button.citation", new() { HasText = "returns" }).First.ClickAsync();
            await Expect(page.Locator("#chunk blockquote")).ToContainTextAsync("within 30 days of delivery");
            await answer.Locator(".feedback button").First.ClickAsync();
            await Expect(answer.Locator("[role=status]")).ToHaveTextAsync("Thanks for the feedback.");
            await Screenshots.TakeAsync(page, "05-playground");

            await page.ClickAsync("#nav a[href='/usage']");
            await Expect(questionsToday).ToHaveAttributeAsync("data-value", "1");
            await Expect(page.Locator("#model-questions rect.bar")).Not.ToHaveCountAsync(0);
            await Screenshots.TakeAsync(page, "06-usage");

            await page.ClickAsync("#nav a[href='/conversations']");
            await page.Locator("#conversations a", new() { HasText = "How many days" }).ClickAsync();
            var turn = page.Locator("#conversation li.assistant").First;
            await Expect(turn.Locator(".bubble")).ToContainTextAsync("30 days");
            await Expect(turn.Locator("p.meta")).ToContainTextAsync(" ms");
            await Screenshots.TakeAsync(page, "07-conversations");
            await page.Locator("#conversations button.danger").ClickAsync();
            await Expect(page.Locator("#conversations")).ToHaveCountAsync(0);

            await page.ClickAsync("#nav a[href='/users']");
            await page.FillAsync("#new-email", $"agent-{Guid.NewGuid():N}@example.test");
            await page.FillAsync("#new-username", "agent-one");
            await page.FillAsync("#new-password", "Another secret 42");
            await page.SelectOptionAsync("#new-role", "agent");
            await page.ClickAsync("#add-user button[type=submit]");
            await Expect(page.Locator("#users tbody tr")).ToHaveCountAsync(2);
            await Screenshots.TakeAsync(page, "08-users");

            await page.ClickAsync("#nav a[href='/audit']");
            await Expect(page.Locator("#audit tbody")).ToContainTextAsync("user_added");
            await Expect(page.Locator("#audit tbody")).ToContainTextAsync("tenant_registered");
            await Screenshots.TakeAsync(page, "09-audit");

            await page.ClickAsync("#nav a[href='/models']");
            await Expect(page.Locator("#models tbody tr")).Not.ToHaveCountAsync(0);
            await Screenshots.TakeAsync(page, "10-models");

            // Chinese interface text; the page reloads and the session comes back from protected storage.
            await page.SelectOptionAsync("#language", "zh");
            await Expect(page.Locator("h1")).ToHaveTextAsync("模型");
            await page.ClickAsync("#nav a[href='/']");
            await Expect(page.Locator("h1")).ToHaveTextAsync("知识库");
            await Screenshots.TakeAsync(page, "11-knowledge-bases-zh");
            await page.SelectOptionAsync("#language", "en");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Knowledge bases");

            // Tokens were refreshed (rotated) along the way without the user noticing.
            (await RefreshTokensOfAsync(email)).ShouldBeGreaterThan(3);

            await page.ClickAsync("#sign-out");
            await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
            await page.GotoAsync("/usage");
            await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", "wrong password");
            await page.ClickAsync("#signin button[type=submit]");
            await Expect(page.Locator("#signin-error")).Not.ToBeEmptyAsync();
            await page.FillAsync("#password", "Correct horse battery 9");
            await page.ClickAsync("#signin button[type=submit]");
            await Expect(page.Locator("#kb-list li")).ToHaveCountAsync(1);
            await page.ClickAsync("#sign-out");
            await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        }
        catch
        {
            // What the page showed when the journey stopped, next to the other screenshots.
            await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Folder, "failure.png"), FullPage = true });
            throw;
        }
        finally
        {
            files.Delete(recursive: true);
        }
    }

    private async Task<long> RefreshTokensOfAsync(string email)
    {
        await using var connection = new NpgsqlConnection(system.IdentityDb);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.email = $1", connection)
        {
            Parameters = { new() { Value = email } },
        };
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A real PDF with text in it, printed by Chromium from HTML.</summary>
    private static async Task<byte[]> PdfOfAsync(IBrowser browser, string html)
    {
        var printer = await browser.NewPageAsync();
        await printer.SetContentAsync($"<html><body>{html}</body></html>");
        var bytes = await printer.PdfAsync();
        await printer.CloseAsync();
        return bytes;
    }
}
