using CaseWork.TestKit;
using Microsoft.Playwright;

namespace CaseWork.EndToEnd.Tests;

/// <summary>The demo interpreter on a phone: signs in, accepts an offer in the portal, finds the job under upcoming jobs.</summary>
public sealed class InterpreterPortalJourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Demo_interpreter_accepts_an_offer_on_a_phone_and_sees_the_job_in_upcoming()
    {
        await using var context = await host.NewPhoneContextAsync();
        var page = await context.NewPageAsync();

        await BrowserHost.SignInAsync(page, DemoUsers.Interpreter);

        await page.GotoAsync("/InterpreterBooking/Portal");
        var offers = page.GetByRole(AriaRole.Region, new() { Name = "Offene Anfragen" }).GetByRole(AriaRole.Article);
        await offers.First.WaitForAsync();
        Assert.Equal(2, await offers.CountAsync());
        Assert.Contains("Keine kommenden Einsätze.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-portal-offers.png"), FullPage = true });

        var first = offers.First;
        var when = await first.GetByRole(AriaRole.Heading).InnerTextAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }).ClickAsync();

        await page.GetByRole(AriaRole.Status).WaitForAsync();
        var upcoming = page.GetByRole(AriaRole.Region, new() { Name = "Kommende Einsätze" });
        var jobs = upcoming.GetByRole(AriaRole.Article);
        Assert.Equal(1, await jobs.CountAsync());
        Assert.Contains(when.Replace("dringend", "", StringComparison.Ordinal).Trim(), await jobs.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.GetByRole(AriaRole.Region, new() { Name = "Offene Anfragen" }).GetByRole(AriaRole.Article).CountAsync());
        // Mobile first: nothing wider than the phone's screen.
        // (The layout viewport: on a phone innerWidth grows with a page wider than the screen.)
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-portal-accepted.png"), FullPage = true });
    }

    [Fact]
    public async Task Demo_streetworker_sees_the_requests_and_the_ranking_explained()
    {
        await using var context = await host.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString(), Locale = "de-DE" });
        var page = await context.NewPageAsync();

        await BrowserHost.SignInAsync(page, DemoUsers.Streetworker);

        await page.GotoAsync("/InterpreterBooking/Requests");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-requests.png"), FullPage = true });
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reihenfolge und Begründung" }).WaitForAsync();
        Assert.Contains("noch nie", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-request.png"), FullPage = true });

        await page.GotoAsync("/InterpreterBooking/Figures");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Je Sprache" }).WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotDirectory, "interpreter-figures.png"), FullPage = true });
    }
}
