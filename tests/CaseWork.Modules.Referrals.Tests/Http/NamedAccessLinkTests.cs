using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The supervisors' pseudonymised lists link each client code to the Clients module's case file (by route, no name in the
/// link), where a supervisor sees the pseudonymised file and gives a reason to see the name. Runs against the real
/// Clients module and its demo case files.
/// </summary>
public sealed class NamedAccessLinkTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_outcome_and_open_lists_link_the_code_to_the_case_file_where_a_reason_opens_the_name(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider, realClients: true);
        var office = await host.Factory.DemoOfficeAsync();
        ClientPickItem mohammad;
        ClientNeedSummary debts;
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<IClientDirectory>();
            mohammad = (await clients.FindAsync(office, "Al-Hassan", 5, CancellationToken.None)).First(c => c.DisplayName.Contains("Mohammad", StringComparison.Ordinal));
            debts = (await clients.GetNeedsAsync(office, mohammad.ClientId, CancellationToken.None)).First(n => n.Area == "debts");
        }

        using var worker = await host.ClientAsync(Roles.Streetworker);
        var services = (await worker.GetFromJsonAsync<JsonArray>("/api/referrals/directory/services?need=debts"))!;
        var diakonie = services.First(s => s!["organisationName"]!.GetValue<string>() == "Schuldnerberatung der Diakonie Mitte")!["id"]!.GetValue<Guid>();

        // The demo consent covers identity, contact and finances for the Diakonie.
        await ReferralsHost.SendAsync(worker, new
        {
            clientId = mohammad.ClientId.Value, serviceId = diakonie, needIds = new[] { debts.NeedId }, categories = new[] { "identity", "contact" }, urgency = "normal",
        });

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var caseFile = $"/Clients/CaseFile/{mohammad.ClientId.Value}";
        var outcomes = await supervisor.GetStringAsync($"/Referrals/Outcomes?from={today.AddDays(-2):yyyy-MM-dd}&to={today.AddDays(2):yyyy-MM-dd}");
        Assert.Contains($"<a href=\"{caseFile}\"", outcomes, StringComparison.Ordinal);
        Assert.Contains($">{mohammad.PseudonymCode}</a>", outcomes, StringComparison.Ordinal);
        Assert.DoesNotContain("Al-Hassan", outcomes, StringComparison.Ordinal);
        var open = await supervisor.GetStringAsync("/Referrals/Open?mine=false");
        Assert.Contains($"<a href=\"{caseFile}\"", open, StringComparison.Ordinal);
        Assert.DoesNotContain("Al-Hassan", open, StringComparison.Ordinal);
        var openApi = Assert.Single((await supervisor.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!);
        Assert.Equal(mohammad.ClientId.Value, openApi!["clientId"]!.GetValue<Guid>());

        // Following the link: the pseudonymised case file with the reason form, no name.
        using var followed = await supervisor.GetAsync(caseFile);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
        var pseudonymised = await followed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"reason-heading\"", pseudonymised, StringComparison.Ordinal);
        Assert.Contains("name=\"reason\"", pseudonymised, StringComparison.Ordinal);
        Assert.Contains(mohammad.PseudonymCode, pseudonymised, StringComparison.Ordinal);
        Assert.DoesNotContain("Al-Hassan", pseudonymised, StringComparison.Ordinal);

        // With a reason, the name (the Clients module records the reasoned access; its own tests check the audit trail).
        using var named = await supervisor.PostAsync($"{caseFile}?handler=Named", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", SignIn.FormToken(pseudonymised)),
            new("reason", "Rückfrage der Schuldnerberatung zur offenen Weitervermittlung"),
        ]));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Contains("Al-Hassan", await named.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
