using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// The organisation's page shows its partner accounts; an administrator links a partner user of the office (chosen or by
/// e-mail) and unlinks one. Non-partners, other offices' users and organisations, and other roles are refused.
/// </summary>
public sealed class PartnerAccountsPageTests
{
    private static readonly string Page = $"/Referrals/Organisation/{ReferralsHost.DebtOrganisation}";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_administrator_links_a_partner_who_then_sees_the_referrals_and_unlinks_them_again(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var yilmaz = await host.Factory.CreateUserAsync(office, Roles.Partner, "Frau Yilmaz");
        var demir = await host.Factory.CreateUserAsync(office, Roles.Partner, "Herr Demir");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var (client, _) = await host.ClientWithConsentAsync();
        var referral = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        using var admin = await host.ClientAsync(Roles.Administrator);

        var html = await admin.GetStringAsync(Page);
        Assert.Contains("Noch kein Partnerzugang verknüpft.", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{yilmaz.Id.Value}\">Frau Yilmaz ({yilmaz.UserName})</option>", html, StringComparison.Ordinal);
        var token = SignIn.FormToken(html);

        // One chosen from the list, one by e-mail address (in other letter case).
        using (var chosen = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.UserId", yilmaz.Id.Value.ToString()))))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            Assert.Equal(Page + "?saved=partner-linked", chosen.Headers.Location!.OriginalString);
        }

        using (var byEmail = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.UserId", ""), ("PartnerLink.Email", demir.UserName.ToUpperInvariant()))))
        {
            Assert.Equal(HttpStatusCode.Redirect, byEmail.StatusCode);
        }

        html = await admin.GetStringAsync(Page);
        Assert.Contains("<strong>Frau Yilmaz</strong> · " + yilmaz.UserName, html, StringComparison.Ordinal);
        Assert.Contains("<strong>Herr Demir</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"<option value=\"{yilmaz.Id.Value}\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Partnerzugang von Frau Yilmaz trennen\"", html, StringComparison.Ordinal);

        using (var partner = await host.Factory.SignedInClientAsync(yilmaz))
        {
            var list = await partner.GetFromJsonAsync<JsonArray>("/api/referrals/partner");
            Assert.Equal(referral["referralId"]!.GetValue<Guid>(), list!.Single()!["id"]!.GetValue<Guid>());
        }

        using (var unlinked = await admin.PostAsync(Page + $"?handler=UnlinkPartner&userId={yilmaz.Id.Value}", Form(token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
            Assert.Equal(Page + "?saved=partner-unlinked", unlinked.Headers.Location!.OriginalString);
        }

        html = await admin.GetStringAsync(Page + "?saved=partner-unlinked");
        Assert.Contains("Der Partnerzugang ist getrennt.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<strong>Frau Yilmaz</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Herr Demir</strong>", html, StringComparison.Ordinal);
        using (var partner = await host.Factory.SignedInClientAsync(yilmaz))
        {
            Assert.Empty((await partner.GetFromJsonAsync<JsonArray>("/api/referrals/partner"))!);
        }

        // Unlinking what is not linked: 404, nothing changes.
        using (var again = await admin.PostAsync(Page + $"?handler=UnlinkPartner&userId={yilmaz.Id.Value}", Form(token)))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
            Assert.Contains("Diese Person ist mit der Organisation nicht verknüpft.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var accounts = await admin.GetFromJsonAsync<JsonObject>($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners");
        Assert.Equal(["Herr Demir"], accounts!["linked"]!.AsArray().Select(a => a!["displayName"]!.GetValue<string>()));

        var trail = await AuditAsync(host, yilmaz.Id.Value);
        Assert.Equal(["Create", "Delete"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal($"organisation: {ReferralsHost.DebtOrganisation}", e.Details));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_user_without_the_partner_role_is_refused_with_a_clear_error_and_nothing_is_linked(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var streetworker = await host.Factory.DemoUserAsync(Roles.Streetworker);
        using var admin = await host.ClientAsync(Roles.Administrator);
        var token = await SignIn.AntiforgeryTokenAsync(admin, Page);

        using (var byEmail = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.Email", streetworker.UserName))))
        {
            Assert.Equal(HttpStatusCode.OK, byEmail.StatusCode);
            var html = await byEmail.Content.ReadAsStringAsync();
            Assert.Contains("error-summary", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"partner-email-error\" class=\"field-error\">{streetworker.DisplayName} hat nicht die Rolle Partnerorganisation.", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{streetworker.UserName}\"", html, StringComparison.Ordinal);
        }

        using (var unknown = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.Email", "niemand@agentur.invalid"))))
        {
            Assert.Contains("In Ihrer Beratungsstelle gibt es kein Konto mit der E-Mail-Adresse niemand@agentur.invalid.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var empty = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token)))
        {
            Assert.Contains("Bitte eine Person mit der Rolle Partnerorganisation wählen oder ihre E-Mail-Adresse angeben.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var api = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{streetworker.Id.Value}", null);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonObject>();
        Assert.StartsWith($"{streetworker.DisplayName} hat nicht die Rolle Partnerorganisation.", problem!["errors"]!["userId"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Contains("Noch kein Partnerzugang verknüpft.", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(host, streetworker.Id.Value));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Another_office_s_partner_and_organisation_do_not_exist_here(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var north = await host.Factory.CreateOfficeAsync("Streetwork Nord");
        var northPartner = await host.Factory.CreateUserAsync(north, Roles.Partner, "Frau Nord");
        var northAdmin = await host.Factory.CreateUserAsync(north, Roles.Administrator, "Admin Nord");
        var demoPartner = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Partner, "Frau Yilmaz");
        using var admin = await host.ClientAsync(Roles.Administrator);
        var html = await admin.GetStringAsync(Page);
        Assert.DoesNotContain("Frau Nord", html, StringComparison.Ordinal);
        var token = SignIn.FormToken(html);

        // The other office's partner, by id or by e-mail, is not one of ours.
        using (var byId = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.UserId", northPartner.Id.Value.ToString()))))
        {
            Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
            Assert.Contains("Diese Person gibt es in Ihrer Beratungsstelle nicht.", await byId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var byEmail = await admin.PostAsync(Page + "?handler=LinkPartner", Form(token, ("PartnerLink.Email", northPartner.UserName))))
        {
            Assert.Contains("In Ihrer Beratungsstelle gibt es kein Konto", await byEmail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var api = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{northPartner.Id.Value}", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        }

        using (var linked = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{demoPartner.Id.Value}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        }

        // The other office's administrator does not see this office's organisation, nor can link or unlink there.
        using var other = await host.Factory.SignedInClientAsync(northAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);
        var otherToken = await SignIn.AntiforgeryTokenAsync(other, "/Referrals/Organisation");
        using (var post = await other.PostAsync(Page + "?handler=LinkPartner", Form(otherToken, ("PartnerLink.UserId", northPartner.Id.Value.ToString()))))
        {
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var unlink = await other.DeleteAsync(new Uri($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{demoPartner.Id.Value}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unlink.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners", UriKind.Relative))).StatusCode);
        Assert.Contains("<strong>Frau Yilmaz</strong>", await admin.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(host, northPartner.Id.Value));
    }

    [Theory]
    [InlineData(Roles.Streetworker)]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Partner)]
    public async Task Only_administrators_link_and_unlink(string role)
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var partner = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Partner, "Frau Yilmaz");
        using (var admin = await host.ClientAsync(Roles.Administrator))
        {
            using var linked = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{partner.Id.Value}", null);
            Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        }

        using var client = await host.ClientAsync(role);
        var token = await SignIn.AntiforgeryTokenAsync(client, "/");
        using (var page = await client.PostAsync(Page + $"?handler=UnlinkPartner&userId={partner.Id.Value}", Form(token)))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(new Uri($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{partner.Id.Value}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{partner.Id.Value}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners", UriKind.Relative))).StatusCode);

        using var still = await host.ClientAsync(Roles.Administrator);
        Assert.Contains("<strong>Frau Yilmaz</strong>", await still.GetStringAsync(Page), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(ReferralsHost host, Guid userId)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var id = userId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
            .Where(e => e.RecordType == "PartnerAccount" && e.RecordId == id).OrderBy(e => e.Sequence).ToListAsync();
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);
}
