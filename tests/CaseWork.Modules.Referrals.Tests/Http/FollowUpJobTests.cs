using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Notifications;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Features.FollowUps;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The scheduled jobs on a real host, on both providers: an unanswered referral reminds its worker once after three working
/// days (mail with an absolute link), the supervisors' digest lists it by pseudonym, and after fourteen days it expires.
/// Sending published <c>ReferralSent</c> through the module's outbox.
/// </summary>
public sealed class FollowUpJobTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unanswered_referral_reminds_once_is_in_the_digest_by_pseudonym_and_expires(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using (var worker = await host.ClientAsync(Roles.Streetworker))
        {
            // Monday 2 November 2026, 09:00 Berlin.
            await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        }

        var referral = await SingleReferralAsync(host);
        Assert.Contains(await OutboxTypesAsync(host), t => t.Contains(nameof(ReferralSent), StringComparison.Ordinal));

        // Wednesday: not yet three working days.
        host.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(new FollowUpSummary(0, 0), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
        Assert.Equal(0, await RunAsync<SendOverdueDigest, int>(host, new SendOverdueDigest()));

        // Thursday 11:00: the reminder was due at 09:00. Once, however often the job runs.
        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));
        Assert.Equal(new FollowUpSummary(1, 0), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
        Assert.Equal(new FollowUpSummary(0, 0), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
        var streetworker = await host.Factory.DemoUserAsync(Roles.Streetworker);
        var reminder = Assert.Single(Mails(host), m => m.Message.To == streetworker.UserName && m.Message.Subject == "Weitervermittlung ohne Antwort");
        Assert.Contains($"http://localhost/Referrals/Details/{referral}", reminder.Message.Body, StringComparison.Ordinal);

        // The digest goes to the supervisors with the client's code, never the name.
        Assert.Equal(1, await RunAsync<SendOverdueDigest, int>(host, new SendOverdueDigest()));
        var supervisor = await host.Factory.DemoUserAsync(Roles.Supervisor);
        var digest = Assert.Single(Mails(host), m => m.Message.To == supervisor.UserName && m.Message.Subject.StartsWith("Wochenübersicht", StringComparison.Ordinal));
        Assert.Contains("K-7F3A-92", digest.Message.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", digest.Message.Body, StringComparison.Ordinal);
        Assert.Contains("http://localhost/Referrals/Outcomes", digest.Message.Body, StringComparison.Ordinal);

        // Fourteen days after sending it expires, and is no longer open.
        host.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(new FollowUpSummary(0, 1), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
        using var later = await host.ClientAsync(Roles.Streetworker);
        Assert.Equal("expired", (await later.GetFromJsonAsync<JsonObject>($"/api/referrals/{referral}"))!["status"]!.GetValue<string>());
        Assert.Empty((await later.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!);
        Assert.Equal(new FollowUpSummary(0, 0), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));

        // The history names the module's own step in the reader's language, not its stored codes ("system", "no answer").
        var history = await HistoryAsync(later, referral);
        Assert.Contains("Abgelaufen (automatisch): keine Antwort innerhalb der Frist", history, StringComparison.Ordinal);
        Assert.DoesNotContain("system", history, StringComparison.Ordinal);
        later.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");
        Assert.Contains("(automatic): no answer in time", await HistoryAsync(later, referral), StringComparison.Ordinal);
        Assert.Equal("system", (await later.GetFromJsonAsync<JsonObject>($"/api/referrals/{referral}"))!["history"]!.AsArray()[^1]!["byKind"]!.GetValue<string>());
    }

    private static async Task<string> HistoryAsync(HttpClient client, Guid referral)
    {
        var html = await client.GetStringAsync($"/Referrals/Details/{referral}");
        var start = html.IndexOf("id=\"history-heading\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no history on the page");
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]);
    }

    private static async Task<TValue> RunAsync<TCommand, TValue>(ReferralsHost host, TCommand command)
        where TCommand : ICommand<TValue>
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TValue>>().Handle(command, CancellationToken.None);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    private static IReadOnlyList<UnsentEmail> Mails(ReferralsHost host) => host.Factory.Services.GetRequiredService<IUnsentEmailLog>().Recent();

    private static async Task<Guid> SingleReferralAsync(ReferralsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().Referrals.IgnoreQueryFilters().Select(r => r.Id).SingleAsync();
    }

    private static async Task<List<string>> OutboxTypesAsync(ReferralsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync();
    }
}
