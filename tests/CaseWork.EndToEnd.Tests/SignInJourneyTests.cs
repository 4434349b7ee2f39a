using System.Text.RegularExpressions;
using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>The first journey every newcomer takes: open CaseWork, sign in as the demo streetworker, see the start page.</summary>
public sealed partial class SignInJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Demo_streetworker_signs_in_and_sees_the_start_page()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Matches(LoginPath(), new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoUsers.Streetworker);
        await page.GetByLabel("Passwort").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        var greeting = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await greeting.WaitForAsync();
        Assert.StartsWith("Guten Tag", await greeting.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "Meine Fallarbeit" }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "start-streetworker.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "My casework" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // Polls the address: WaitForURLAsync can miss a navigation that ends while it begins to listen.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = 90_000 });
        await page.GotoAsync("/");
        Assert.Matches(LoginPath(), new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_keeps_the_user_on_the_sign_in_page()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoUsers.Supervisor);
        await page.GetByLabel("Passwort").FillAsync("Not-The-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await alert.WaitForAsync();
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Matches(LoginPath(), new Uri(page.Url).AbsolutePath);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "login-error.png"), FullPage = true });
    }

    [Fact]
    public async Task Administrator_opens_the_system_status_from_the_start_page()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoUsers.Administrator);
        await page.GetByLabel("Passwort").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Verwaltung" }).WaitForAsync();

        // The administration's pages are in the main navigation too; this journey goes through the start page's panel.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Benutzer*innen" }).WaitForAsync();
        await page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = "Systemstatus" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Systemstatus", Level = 1 }).WaitForAsync();
        Assert.Equal(5, await page.Locator("tbody tr").CountAsync());
        Assert.Contains("vollständig und unverändert", await page.Locator("#audit-heading + p").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "admin-system.png"), FullPage = true });
    }

    [Fact]
    public async Task Interpreter_turns_on_two_factor_sign_in_from_the_header()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DemoUsers.Interpreter);
        await page.GetByLabel("Passwort").FillAsync(DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Meine Einsätze" }).WaitForAsync();

        await page.GetByTitle("Zwei-Faktor-Anmeldung").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Zwei-Faktor-Anmeldung", Level = 1 }).WaitForAsync();
        var key = await page.GetByTestId("authenticator-key").InnerTextAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "two-factor-setup.png"), FullPage = true });
        await page.GetByLabel("Code aus der App").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Ihre Wiederherstellungscodes" }).WaitForAsync();
        Assert.Equal(10, await page.Locator("ul.codes li").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "two-factor-enabled.png"), FullPage = true });

        // Turn it off again so the shared demo interpreter of this fixture signs in with the password alone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Zwei-Faktor-Anmeldung ausschalten" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).WaitForAsync();
    }

    [GeneratedRegex("^/Account/Login")]
    private static partial Regex LoginPath();
}
