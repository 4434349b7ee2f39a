using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Notifications;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The closed loop over HTTP on both databases: refer with consent, the agency answers by its link, the supervisor counts it.</summary>
public sealed class ReferralFlowTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Refer_accept_complete_and_count(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, consentId) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);

        var found = await worker.GetFromJsonAsync<JsonArray>("/api/referrals/directory/services?need=debts&language=ar&place=Wedding");
        Assert.Equal(ReferralsHost.DebtService, found!.Single()!["id"]!.GetValue<Guid>());

        var sent = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var referralId = sent["referralId"]!.GetValue<Guid>();
        var link = sent["agencyLink"]!.GetValue<string>();
        var token = link.Split('/').Last();
        var check = Assert.Single(host.Clients.Checks);
        Assert.Equal(ReferralsHost.DebtOrganisation, check.RecipientOrganisationId);
        Assert.Equal(["identity", "contact", "needs"], check.DataCategories);

        var mails = host.Factory.Services.GetRequiredService<IUnsentEmailLog>().Recent();
        var mail = Assert.Single(mails, m => m.Message.To == "beratung@schuldner-nord.invalid");
        Assert.Contains(link, mail.Message.Body, StringComparison.Ordinal);

        using var agency = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var view = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        Assert.Equal("agency", view!["audience"]!.GetValue<string>());
        Assert.Equal("Amina Haddad", view["client"]!["name"]!.GetValue<string>());
        Assert.Null(view["client"]!["clientId"]);
        Assert.Equal(["accept", "decline", "waitlist"], view["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));

        host.Clock.Advance(TimeSpan.FromDays(2));
        using (var accepted = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", new { action = "accept", version = view["version"]!.GetValue<int>() }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromDays(10));
        var afterAccept = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        using (var completed = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer",
            new { action = "complete", outcome = "goal_reached", version = afterAccept!["version"]!.GetValue<int>() }))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        // Closed: the link stops working.
        using (var closedLink = await agency.GetAsync($"/api/referrals/agency/{token}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, closedLink.StatusCode);
        }

        // The fake clock moved past the sign-in cookie's lifetime: sign in again.
        using var workerLater = await host.ClientAsync(Roles.Streetworker);
        var mine = await workerLater.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}");
        var item = mine!.Single()!;
        Assert.Equal("completed", item["status"]!.GetValue<string>());
        Assert.Equal("goal_reached", item["outcome"]!.GetValue<string>());

        var full = await workerLater.GetFromJsonAsync<JsonObject>($"/api/referrals/{referralId}");
        Assert.Equal(["draft", "sent", "accepted", "completed"], full!["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var report = await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/outcomes/?from=2026-11-01&to=2026-11-30");
        var total = report!["total"]!;
        Assert.Equal(1, total["sent"]!.GetValue<int>());
        Assert.Equal(1, total["accepted"]!.GetValue<int>());
        Assert.Equal(1, total["completed"]!.GetValue<int>());
        Assert.Equal(2, total["medianDaysToAcceptance"]!.GetValue<double>());
        Assert.Equal(12, total["medianDaysToOutcome"]!.GetValue<double>());
        Assert.Equal("Schuldnerberatung", report["byServiceType"]!.AsArray().Single()!["key"]!.GetValue<string>());

        var csv = await supervisor.GetStringAsync("/api/referrals/outcomes/service_type.csv?from=2026-11-01&to=2026-11-30");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("group,sent,accepted,declined,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Schuldnerberatung,1,1,0,", lines[1], StringComparison.Ordinal);
        _ = consentId;
    }
}
