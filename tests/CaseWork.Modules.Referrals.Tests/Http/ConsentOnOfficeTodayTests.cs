using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The consent check asks about the office's today, not the UTC date: just after midnight in Berlin a consent that ended
/// yesterday there covers nothing, though the UTC date is still its last day.
/// </summary>
public sealed class ConsentOnOfficeTodayTests
{
    // 23:30 UTC on Sunday 6 December is 00:30 on Monday 7 December in Berlin: the UTC date is still the 6th.
    private static readonly DateTimeOffset JustAfterMidnightInBerlin = new(2026, 12, 6, 23, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly BerlinToday = new(2026, 12, 7);
    private static readonly DateOnly ConsentEnded = new(2026, 12, 6);

    [Fact]
    public async Task The_refer_page_does_not_count_a_consent_that_ended_yesterday_in_the_office()
    {
        var (host, client) = await ConsentEndedYesterdayAsync();
        await using var disposeHost = host;
        using var worker = await host.ClientAsync(Roles.Streetworker);

        var html = await worker.GetStringAsync($"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}");

        Assert.Contains("id=\"consent-missing\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"consent-covers\"", html, StringComparison.Ordinal);
        Assert.NotEmpty(host.Clients.Checks);
        Assert.All(host.Clients.Checks, check => Assert.Equal(BerlinToday, check.On));
    }

    [Fact]
    public async Task Sending_is_refused_when_the_consent_ended_yesterday_in_the_office()
    {
        var (host, client) = await ConsentEndedYesterdayAsync();
        await using var disposeHost = host;
        using var worker = await host.ClientAsync(Roles.Streetworker);

        using var response = await worker.PostAsJsonAsync("/api/referrals/", ReferralsHost.ReferBody(client, ReferralsHost.DebtService));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Keine gültige Einwilligung", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
        Assert.Equal(BerlinToday, Assert.Single(host.Clients.Checks).On);
    }

    /// <summary>A host at 00:30 in Berlin, with a demo-office client whose debt-counselling consent ended there the day before.</summary>
    private static async Task<(ReferralsHost Host, FakeClientDirectory.FakeClient Client)> ConsentEndedYesterdayAsync()
    {
        var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        try
        {
            host.Clock.SetUtcNow(JustAfterMidnightInBerlin);
            await host.ImportDirectoryAsync();
            var office = await host.Factory.DemoOfficeAsync();
            var client = host.Clients.AddClient(office, "Amina Haddad", "K-7F3A-92", "debts");
            host.Clients.Consent(office, client.Id, ReferralsHost.DebtOrganisation, ConsentEnded, "identity", "contact", "needs");
            return (host, client);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }
}
