using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>
/// The closed loop in Chromium on the demo office: a worker refers a client with consent from the case file, the agency
/// accepts through its secret link and reports the outcome, and the supervisor sees it counted in the chart and the table.
/// </summary>
public sealed class ReferralsJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task A_referral_with_consent_is_accepted_and_completed_by_the_agency_and_counted_for_the_supervisor()
    {
        await using var workerContext = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await workerContext.NewPageAsync();
        await BrowserHost.SignInAsync(page, DemoUsers.Streetworker);

        // From the case file: the demo client has a debts need and a consent for the Diakonie's debt counselling.
        await page.GotoAsync("/Clients?q=Al-Hassan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mohammad Al-Hassan" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mohammad Al-Hassan", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weitervermittlungen", Exact = true }).ClickAsync();
        await page.GetByText("Noch keine Weitervermittlungen.").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Weitervermittlung" }).ClickAsync();

        await page.GetByLabel("Anliegen", new() { Exact = true }).SelectOptionAsync("debts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Shot(page, "referrals-find-service.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Schuldner- und Insolvenzberatung wählen" }).ClickAsync();

        var covers = page.Locator("#consent-covers");
        await covers.WaitForAsync();
        Assert.Contains("Schuldnerberatung der Diakonie Mitte", await covers.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#cat-identity").IsCheckedAsync());
        Assert.True(await page.Locator("#cat-contact").IsCheckedAsync());
        Assert.False(await page.Locator("#cat-health").IsCheckedAsync());
        await page.GetByLabel("Schulden: Mahnungen Mobilfunkvertrag").CheckAsync();
        await page.GetByLabel("Dringlichkeit", new() { Exact = true }).SelectOptionAsync("urgent");
        await page.GetByLabel("Nachricht an die Stelle").FillAsync("Bitte um einen Termin, es gibt Mahnungen vom Mobilfunkanbieter.");
        await Shot(page, "referrals-refer-form.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Weitervermittlung senden" }).ClickAsync();

        var link = page.Locator("#agency-link");
        await link.WaitForAsync();
        var agencyPath = await link.GetAttributeAsync("href");
        Assert.StartsWith("/Referrals/Answer/", agencyPath, StringComparison.Ordinal);
        await Shot(page, "referrals-sent.png");

        // The agency has no account: its link is the key, and it sees only what was shared.
        await using var agencyContext = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var agency = await agencyContext.NewPageAsync();
        await agency.GotoAsync(agencyPath!);
        await agency.GetByRole(AriaRole.Heading, new() { Name = "Weitervermittlung beantworten" }).WaitForAsync();
        var shared = await agency.Locator("#shared-client").InnerTextAsync();
        Assert.Contains("Mohammad Al-Hassan", shared, StringComparison.Ordinal);
        Assert.DoesNotContain("Anliegen", shared, StringComparison.Ordinal);
        await Shot(agency, "referrals-agency-link.png");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }).ClickAsync();
        await agency.GetByRole(AriaRole.Status).Filter(new() { HasText = "Gespeichert" }).WaitForAsync();
        Assert.Equal("Angenommen", (await agency.Locator("#referral-status").InnerTextAsync()).Trim());

        // The supervisor sees the open referral by code only; the code leads to the case file, where a reason opens the name.
        await using (var reviewContext = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" }))
        {
            var review = await reviewContext.NewPageAsync();
            await BrowserHost.SignInAsync(review, DemoUsers.Supervisor);
            await review.GotoAsync("/Referrals/Outcomes");
            var openRow = review.Locator("#table-open tbody tr").Filter(new() { HasText = "Schuldner- und Insolvenzberatung" });
            Assert.DoesNotContain("Al-Hassan", await review.Locator("#table-open").InnerTextAsync(), StringComparison.Ordinal);
            await openRow.Locator("th a").ClickAsync();
            await review.GetByRole(AriaRole.Heading, new() { Name = "Pseudonymisierte Ansicht" }).WaitForAsync();
            Assert.StartsWith("/Clients/CaseFile/", new Uri(review.Url).AbsolutePath, StringComparison.Ordinal);
            Assert.DoesNotContain("Al-Hassan", await review.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await Shot(review, "referrals-open-to-case-file.png");
            await review.GetByLabel("Grund für die Einsicht").FillAsync("Rückfrage der Schuldnerberatung zur Weitervermittlung");
            await review.GetByRole(AriaRole.Button, new() { Name = "Mit Namen öffnen" }).ClickAsync();
            await review.GetByRole(AriaRole.Heading, new() { Name = "Mohammad Al-Hassan", Level = 1 }).WaitForAsync();
        }

        await agency.GetByLabel("Ergebnis", new() { Exact = true }).SelectOptionAsync("goal_reached");
        await agency.GetByRole(AriaRole.Button, new() { Name = "Ergebnis melden" }).ClickAsync();
        // The final answer closes the referral and its link: the agency is thanked, and the link stops working.
        await agency.Locator("#referral-closed").WaitForAsync();
        await Shot(agency, "referrals-agency-completed.png");
        var again = await agency.GotoAsync(agencyPath!);
        Assert.Equal(404, again!.Status);

        // The worker sees it on the client's list.
        await page.GotoAsync(page.Url.Split('?')[0].Replace("/Refer/", "/Client/", StringComparison.Ordinal));
        var row = page.Locator("#client-referrals tbody tr").First;
        Assert.Contains("Abgeschlossen", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ziel erreicht", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "referrals-client-list.png");

        await using var supervisorContext = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var supervisor = await supervisorContext.NewPageAsync();
        await BrowserHost.SignInAsync(supervisor, DemoUsers.Supervisor);
        await supervisor.GotoAsync("/Referrals/Outcomes");
        await supervisor.GetByRole(AriaRole.Heading, new() { Name = "Trichter" }).WaitForAsync();
        var completedBar = supervisor.Locator("#funnel li").Filter(new() { HasText = "Abgeschlossen" });
        Assert.Equal("1", (await completedBar.Locator(".referrals-bar-value").InnerTextAsync()).Trim());
        var totalRow = await supervisor.Locator("#table-total tbody tr").First.InnerTextAsync();
        Assert.Contains("Ziel erreicht: 1", totalRow, StringComparison.Ordinal);
        var typeRow = await supervisor.Locator("#table-type tbody tr").Filter(new() { HasText = "Schuldnerberatung" }).InnerTextAsync();
        Assert.StartsWith("Schuldnerberatung\t1\t1", typeRow, StringComparison.Ordinal);
        await Shot(supervisor, "referrals-outcomes.png");
    }

    [Fact]
    public async Task A_worker_saves_a_draft_without_consent_cannot_send_it_yet_and_discards_it()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await BrowserHost.SignInAsync(page, DemoUsers.Streetworker);

        await page.GotoAsync("/Clients?q=Ahmadi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Fatima Ahmadi" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fatima Ahmadi", Level = 1 }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Weitervermittlungen", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Weitervermittlung" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Migrationsberatung wählen" }).ClickAsync();

        // No consent names the agency yet: the draft is saved anyway.
        await page.Locator("#consent-missing").WaitForAsync();
        await page.GetByLabel("Schule und Kinderbetreuung: Kitaplatz").CheckAsync();
        await page.Locator("#cat-identity").CheckAsync();
        await page.Locator("#cat-contact").CheckAsync();
        await page.GetByLabel("Nachricht an die Stelle").FillAsync("Kita-Gutschein: Termin beim Jugendamt steht an.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf speichern" }).ClickAsync();
        await page.Locator("#draft-saved").WaitForAsync();
        Assert.Equal("Kita-Gutschein: Termin beim Jugendamt steht an.", await page.GetByLabel("Nachricht an die Stelle").InputValueAsync());
        await Shot(page, "referrals-draft-saved.png");

        // The client's list shows it as a draft, and it opens again.
        await page.GetByRole(AriaRole.Link, new() { Name = "Weitervermittlungen von", Exact = false }).First.ClickAsync();
        var row = page.Locator("#client-referrals tbody tr").First;
        Assert.Contains("Entwurf", await row.InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "referrals-draft-listed.png");
        await row.GetByRole(AriaRole.Link, new() { Name = "Entwurf an", Exact = false }).ClickAsync();
        await page.Locator("#draft-notice").WaitForAsync();
        Assert.True(await page.GetByLabel("Schule und Kinderbetreuung: Kitaplatz").IsCheckedAsync());
        Assert.True(await page.Locator("#cat-contact").IsCheckedAsync());

        // Sending checks the consent now: refused, still a draft.
        await page.GetByRole(AriaRole.Button, new() { Name = "Weitervermittlung senden" }).ClickAsync();
        await page.Locator("#draft-not-sent").WaitForAsync();
        Assert.Contains("Keine gültige Einwilligung", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "referrals-draft-not-sent.png");

        // Discarded: kept in the history as withdrawn.
        await page.GetByRole(AriaRole.Button, new() { Name = "Entwurf verwerfen" }).ClickAsync();
        await page.Locator("#draft-discarded").WaitForAsync();
        Assert.Contains("Zurückgezogen", await page.Locator("#client-referrals tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);
    }


    private static async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, name), FullPage = true });
}
