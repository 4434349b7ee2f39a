using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Notifications;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
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
        // This test runs the sweeps itself and asserts what each run did: the host's own runs of them (due whenever the fake
        // clock is moved past their time) would race it, and the reminder could go out in either run.
        await using var host = await ReferralsHost.StartAsync(provider, scheduledJobs: false);
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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_run_meeting_a_concurrent_run_neither_fails_nor_reminds_twice(DatabaseProvider provider)
    {
        var mail = new GatedEmailSender();
        await using var host = await ReferralsHost.StartAsync(provider, scheduledJobs: false, services: s => s.AddSingleton<IEmailSender>(mail));
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var referrals = new List<Guid>();
        using (var worker = await host.ClientAsync(Roles.Streetworker))
        {
            foreach (var (name, code) in new[] { ("Amina Haddad", "K-7F3A-92"), ("Oleksandr Petrenko", "K-1B2C-33") })
            {
                var client = host.Clients.AddClient(office, name, code, "debts");
                host.Clients.Consent(office, client.Id, ReferralsHost.DebtOrganisation, new DateOnly(2027, 12, 31), "identity", "contact", "needs");
                referrals.Add((await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService)))["referralId"]!.GetValue<Guid>());
                host.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        // Thursday 11:00: both reminders are due. The first run reads both, reminds the first and is held in its mail;
        // meanwhile a second run (another instance, or the host's own schedule) reminds the second. The first run's copy of
        // the second referral is then stale: it must read it again and see it reminded, not fail the run or mail again.
        host.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        var first = Task.Run(() => RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
        await mail.Held.WaitAsync(TimeSpan.FromSeconds(30));
        var second = await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals());
        mail.Release();
        var firstSummary = await first.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new FollowUpSummary(1, 0), firstSummary);
        Assert.Equal(new FollowUpSummary(1, 0), second);
        Assert.All(referrals, id => Assert.Single(mail.Reminders, m => m.Body.Contains($"/Referrals/Details/{id}", StringComparison.Ordinal)));
        Assert.Equal(2, mail.Reminders.Count);
        Assert.Equal(new FollowUpSummary(0, 0), await RunAsync<FollowUpReferrals, FollowUpSummary>(host, new FollowUpReferrals()));
    }

    /// <summary>Keeps the reminder mails (and lets others pass); the first reminder waits until the test releases it.</summary>
    private sealed class GatedEmailSender : IEmailSender
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Collections.Concurrent.ConcurrentQueue<EmailMessage> _sent = new();
        private int _calls;

        public Task Held => _held.Task;

        public IReadOnlyList<EmailMessage> Reminders => [.. _sent];

        public void Release() => _released.TrySetResult();

        public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            if (message.Subject != "Weitervermittlung ohne Antwort")
            {
                return;
            }

            if (Interlocked.Increment(ref _calls) == 1)
            {
                _held.TrySetResult();
                await _released.Task.WaitAsync(cancellationToken);
            }

            _sent.Enqueue(message);
        }
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
