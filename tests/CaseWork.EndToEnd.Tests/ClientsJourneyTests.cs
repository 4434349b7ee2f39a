using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>A streetworker's day with the Clients module, in Chromium, on the demo office's case files.</summary>
public sealed class ClientsJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Registering_someone_who_is_already_known_in_another_spelling_leads_to_the_existing_file_where_a_note_and_a_consent_are_added()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await BrowserHost.SignInAsync(page, DemoUsers.Streetworker);

        // The start page lists what is due: the demo office has a goal due this week and a deadline within 30 days.
        await page.GetByRole(AriaRole.Heading, new() { Name = "Ziele, die diese Woche fällig sind" }).WaitForAsync();
        Assert.True(await page.GetByText("Unterlagen für die Schuldnerberatung sammeln").IsVisibleAsync());
        await Shot(page, "clients-start-page.png");

        await page.GetByRole(AriaRole.Link, new() { Name = "Klient*innen" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Klient*in registrieren" }).ClickAsync();
        await page.GetByLabel("Vorname(n)").First.FillAsync("Muhamad");
        await page.GetByLabel("Familienname(n)").First.FillAsync("Al Hassan");
        await page.GetByLabel("Geburtsdatum").FillAsync("1994");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Heading, new() { Name = "Diese Person ist vielleicht schon registriert" });
        await warning.WaitForAsync();
        var candidate = page.Locator(".candidates > li").Filter(new() { HasText = "Mohammad Al-Hassan" });
        Assert.Equal(1, await candidate.CountAsync());
        await Shot(page, "clients-duplicate-warning.png");

        await candidate.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mohammad Al-Hassan", Level = 1 }).WaitForAsync();
        Assert.True(await page.GetByText("الحسن").First.IsVisibleAsync());

        await page.GetByText("Eintrag hinzufügen").ClickAsync();
        await page.Locator("#notes form[method=post]").GetByLabel("Art", new() { Exact = true }).SelectOptionAsync("PhoneCall");
        await page.GetByLabel("Dauer in Minuten").FillAsync("10");
        await page.GetByLabel("Notiz", new() { Exact = true }).FillAsync("Hat angerufen: Termin bei der Schuldnerberatung bestätigt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Eintrag speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Der Eintrag steht jetzt im Verlauf." }).WaitForAsync();
        var latest = page.Locator(".timeline > li").First;
        Assert.Contains("Telefonat", await latest.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Termin bei der Schuldnerberatung bestätigt", await latest.InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByText("Schweigepflichtentbindung erfassen").ClickAsync();
        await page.GetByLabel("Empfänger (Stelle)").FillAsync("Jobcenter Mitte");
        await page.GetByLabel("Art der Stelle").SelectOptionAsync("job_centre");
        await page.GetByLabel("Zweck").FillAsync("Antrag auf Bürgergeld");
        await page.GetByLabel("Personalien").CheckAsync();
        await page.GetByLabel("Finanzen").CheckAsync();
        await page.GetByLabel("erteilt am").FillAsync(DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Schweigepflichtentbindung speichern" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Die Schweigepflichtentbindung wurde erfasst." }).WaitForAsync();
        var consentRow = page.Locator("#consents tbody tr").Filter(new() { HasText = "Jobcenter Mitte" });
        Assert.Contains("gültig", await consentRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Personalien, Finanzen", await consentRow.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "clients-case-file.png");

        // Streetworkers are on the street: the same file on a phone.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Shot(page, "clients-case-file-phone.png");
    }

    [Fact]
    public async Task A_registration_with_a_birth_date_in_the_future_is_refused_with_a_message_at_the_field_and_nothing_is_saved()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await BrowserHost.SignInAsync(page, DemoUsers.Streetworker);

        await page.GotoAsync("/Clients/Register");
        await page.GetByLabel("Vorname(n)").First.FillAsync("Zukunft");
        await page.GetByLabel("Familienname(n)").First.FillAsync("Testperson");
        await page.GetByLabel("Geburtsdatum").FillAsync("2999-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Zukunft", await summary.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "clients-register-error.png");

        await page.GotoAsync("/Clients?q=Testperson");
        Assert.True(await page.GetByText("Keine Klient*in gefunden.").IsVisibleAsync());
    }


    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, name), FullPage = true });
}
