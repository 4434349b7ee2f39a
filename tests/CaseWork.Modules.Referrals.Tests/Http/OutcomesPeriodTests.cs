using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The outcome view's period when the supervisor leaves it open: the year up to the office's own today; and a period
/// without referrals.
/// </summary>
public sealed class OutcomesPeriodTests
{
    [Fact]
    public async Task Just_after_midnight_in_the_office_the_open_period_ends_today_there_and_lists_todays_referral()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        // 23:30 UTC on Sunday 6 December is 00:30 on Monday 7 December in Berlin: the UTC date is still the 6th.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using (var worker = await host.ClientAsync(Roles.Streetworker))
        {
            await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        }

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var page = await supervisor.GetStringAsync("/Referrals/Outcomes");

        Assert.Contains("id=\"to\" name=\"to\" type=\"date\" value=\"2026-12-07\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"from\" name=\"from\" type=\"date\" value=\"2025-12-08\"", page, StringComparison.Ordinal);
        var open = page[page.IndexOf("id=\"table-open\"", StringComparison.Ordinal)..];
        Assert.Contains("K-7F3A-92", open[..open.IndexOf("</table>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_without_referrals_says_so_in_the_trend_and_in_every_breakdown_in_both_languages()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using (var worker = await host.ClientAsync(Roles.Streetworker))
        {
            await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        }

        // The office has a referral, but not in January 2020.
        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        const string Empty = "/Referrals/Outcomes?from=2020-01-01&to=2020-01-31";
        Assert.DoesNotContain("Keine Weitervermittlungen im Zeitraum.", await supervisor.GetStringAsync("/Referrals/Outcomes"), StringComparison.Ordinal);
        var page = await supervisor.GetStringAsync(Empty);

        var trend = Section(page, "id=\"trend-heading\"", "</section>");
        Assert.Contains("Keine Weitervermittlungen im Zeitraum.", trend, StringComparison.Ordinal);
        Assert.DoesNotContain("<ul", trend, StringComparison.Ordinal);
        foreach (var table in new[] { "table-service", "table-type", "table-need", "table-worker", "table-month" })
        {
            Assert.Contains("Keine Weitervermittlungen im Zeitraum.", Section(page, $"id=\"{table}\"", "</table>"), StringComparison.Ordinal);
        }

        supervisor.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        var english = await supervisor.GetStringAsync(Empty);
        Assert.Contains("No referrals in this period.", Section(english, "id=\"trend-heading\"", "</section>"), StringComparison.Ordinal);
        Assert.DoesNotContain("Keine Weitervermittlungen", english, StringComparison.Ordinal);
    }

    /// <summary>The page from <paramref name="start"/> up to the next <paramref name="end"/>.</summary>
    private static string Section(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, start + " not on the page");
        var rest = page[from..];
        return rest[..rest.IndexOf(end, StringComparison.Ordinal)];
    }
}
