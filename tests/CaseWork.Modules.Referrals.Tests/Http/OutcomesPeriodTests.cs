using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The outcome view's period when the supervisor leaves it open: the year up to the office's own today.</summary>
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
}
