using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>Endpoints and pages × roles, including another office's streetworker and a partner of the receiving organisation.</summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private ReferralsHost _host = null!;
    private Guid _referralId;
    private Guid _clientId;

    public async Task InitializeAsync()
    {
        _host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await _host.ImportDirectoryAsync();
        var (client, _) = await _host.ClientWithConsentAsync();
        _clientId = client.Id.Value;
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        _referralId = (await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService)))["referralId"]!.GetValue<Guid>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, string> Matrix() => new()
    {
        // role, request, expected status ("anonymous" = no sign-in; "other-office" = a streetworker of another office)
        { "Streetworker", "GET /api/referrals/directory/services", "200" },
        { "Interpreter", "GET /api/referrals/directory/services", "403" },
        { "Partner", "GET /api/referrals/directory/services", "403" },
        { "anonymous", "GET /api/referrals/directory/services", "401" },
        { "Administrator", "GET /api/referrals/directory/export", "200" },
        { "Interpreter", "GET /api/referrals/directory/export.csv", "403" },
        { "Streetworker", "POST /api/referrals/directory/import", "403" },
        { "Supervisor", "POST /api/referrals/directory/import", "403" },
        { "Streetworker", "GET /api/referrals/{referral}", "200" },
        { "Supervisor", "GET /api/referrals/{referral}", "200" },
        { "other-office", "GET /api/referrals/{referral}", "404" },
        { "Interpreter", "GET /api/referrals/{referral}", "403" },
        { "Administrator", "GET /api/referrals/{referral}", "403" },
        { "Partner", "GET /api/referrals/{referral}", "404" },
        { "linked-partner", "GET /api/referrals/{referral}", "200" },
        { "anonymous", "GET /api/referrals/{referral}", "401" },
        { "Streetworker", "GET /api/referrals/client/{client}", "200" },
        { "Interpreter", "GET /api/referrals/client/{client}", "403" },
        { "Administrator", "GET /api/referrals/client/{client}", "403" },
        { "Supervisor", "GET /api/referrals/outcomes/?from=2026-11-01&to=2026-11-30", "200" },
        { "Streetworker", "GET /api/referrals/outcomes/?from=2026-11-01&to=2026-11-30", "403" },
        { "Administrator", "GET /api/referrals/outcomes/?from=2026-11-01&to=2026-11-30", "403" },
        { "Supervisor", "GET /api/referrals/outcomes/open.csv?from=2026-11-01&to=2026-11-30", "200" },
        { "Supervisor", "GET /api/referrals/outcomes/secrets.csv?from=2026-11-01&to=2026-11-30", "404" },
        { "Streetworker", "GET /api/referrals/settings", "200" },
        { "Interpreter", "GET /api/referrals/settings", "403" },
        { "Partner", "GET /api/referrals/settings", "403" },
        { "anonymous", "GET /api/referrals/settings", "401" },
        { "Streetworker", "GET /api/referrals/open", "200" },
        { "Supervisor", "GET /api/referrals/open?mine=true&page=1", "200" },
        { "Streetworker", "GET /api/referrals/open?page=-1", "400" },
        { "Interpreter", "GET /api/referrals/open", "403" },
        { "Partner", "GET /api/referrals/open", "403" },
        { "Administrator", "GET /api/referrals/open", "403" },
        { "anonymous", "GET /api/referrals/open", "401" },
        { "Administrator", "GET /Referrals/Organisation", "200" },
        { "Administrator", "GET /Referrals/Service/{organisation}", "200" },
        { "Streetworker", "GET /Referrals/Service/{organisation}", "302" },
        { "Supervisor", "GET /Referrals/Organisation", "302" },
        { "Partner", "GET /api/referrals/partner", "200" },
        { "Streetworker", "GET /api/referrals/partner", "403" },
        { "Streetworker", "GET /Referrals", "200" },
        { "Interpreter", "GET /Referrals", "302" },
        { "Streetworker", "GET /Referrals/Client/{client}", "200" },
        { "other-office", "GET /Referrals/Client/{client}", "404" },
        { "Interpreter", "GET /Referrals/Client/{client}", "302" },
        { "Streetworker", "GET /Referrals/Refer/{client}", "200" },
        { "Supervisor", "GET /Referrals/Refer/{client}", "200" },
        { "other-office", "GET /Referrals/Refer/{client}", "404" },
        { "Interpreter", "GET /Referrals/Refer/{client}", "302" },
        { "Administrator", "GET /Referrals/Refer/{client}", "302" },
        { "Partner", "GET /Referrals/Refer/{client}", "302" },
        { "anonymous", "GET /Referrals/Refer/{client}", "302" },
        { "Streetworker", "GET /Referrals/Details/{referral}", "200" },
        { "other-office", "GET /Referrals/Details/{referral}", "404" },
        { "Supervisor", "GET /Referrals/Outcomes", "200" },
        { "Streetworker", "GET /Referrals/Outcomes", "302" },
        { "Administrator", "GET /Referrals/Admin", "200" },
        { "Supervisor", "GET /Referrals/Admin", "302" },
        { "Partner", "GET /Referrals/Partner", "200" },
        { "anonymous", "GET /Referrals/Answer/not-a-token", "404" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_what_it_may(string role, string request, string expected)
    {
        using var http = await ClientForAsync(role);
        var parts = request.Replace("{referral}", _referralId.ToString(), StringComparison.Ordinal).Replace("{client}", _clientId.ToString(), StringComparison.Ordinal)
            .Replace("{organisation}", ReferralsHost.DebtOrganisation.ToString(), StringComparison.Ordinal).Split(' ');
        using var message = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1]);
        if (parts[0] == "POST")
        {
            message.Content = new StringContent(ReferralsHost.DirectoryJson(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(message);

        Assert.Equal(expected, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_linked_partner_answers_and_sees_only_what_was_shared()
    {
        using var partner = await ClientForAsync("linked-partner");
        var list = await partner.GetFromJsonAsync<JsonArray>("/api/referrals/partner");
        Assert.Equal(_referralId, list!.Single()!["id"]!.GetValue<Guid>());
        var view = await partner.GetFromJsonAsync<JsonObject>($"/api/referrals/{_referralId}");
        Assert.Equal("agency", view!["audience"]!.GetValue<string>());
        Assert.Null(view["client"]!["pseudonymCode"]);

        using var accepted = await partner.PostAsJsonAsync($"/api/referrals/{_referralId}/answer", new { action = "accept", version = view["version"]!.GetValue<int>() });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    private async Task<HttpClient> ClientForAsync(string role)
    {
        switch (role)
        {
            case "anonymous":
                return _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            case "other-office":
                var office = await _host.Factory.CreateOfficeAsync("Streetwork Süd");
                return await _host.Factory.SignedInClientAsync(await _host.Factory.CreateUserAsync(office, Roles.Streetworker));
            case "linked-partner":
                var demo = await _host.Factory.DemoOfficeAsync();
                var user = await _host.Factory.CreateUserAsync(demo, Roles.Partner, "Frau Yilmaz");
                using (var admin = await _host.ClientAsync(Roles.Administrator))
                {
                    using var linked = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{user.Id.Value}", null);
                    Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
                }

                return await _host.Factory.SignedInClientAsync(user);
            default:
                return await _host.ClientAsync(role);
        }
    }
}
