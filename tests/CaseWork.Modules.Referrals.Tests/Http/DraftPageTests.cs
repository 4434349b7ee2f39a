using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// "Als Entwurf speichern" on the refer page: saved without consent, listed as "Entwurf", opened with its choices, a stale
/// edit is a form error, a refused send keeps the edits, a discard keeps it in the history.
/// </summary>
public sealed class DraftPageTests
{
    private static FormUrlEncodedContent Form(string token, IEnumerable<Guid> needIds, string[] categories, string message, int? version = null) => new(
    [
        new("__RequestVerificationToken", token),
        .. needIds.Select(n => new KeyValuePair<string, string>("Form.NeedIds", n.ToString())),
        .. categories.Select(c => new KeyValuePair<string, string>("Form.Categories", c)),
        new("Form.Urgency", "urgent"),
        new("Form.Message", message),
        .. version is { } v ? [new KeyValuePair<string, string>("Form.Version", v.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string>>(),
    ]);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_worker_saves_a_draft_opens_it_again_and_sends_it_only_with_consent(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var client = host.Clients.AddClient(office, "Amina Haddad", "K-7F3A-92", "debts", "housing");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var page = $"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}";
        var html = await worker.GetStringAsync(page);
        Assert.Contains("id=\"save-draft\"", html, StringComparison.Ordinal);

        // Saved as a draft although no consent names the agency.
        using var saved = await worker.PostAsync($"/Referrals/Refer/{client.Id.Value}?handler=Draft&serviceId={ReferralsHost.DebtService}",
            Form(SignIn.FormToken(html), [client.Needs[1].NeedId], ["identity", "contact", "needs"], "Bitte um Termin."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.ToString();
        Assert.Contains("draftId=", location, StringComparison.Ordinal);
        var draftId = Guid.Parse(location.Split("draftId=")[1].Split('&')[0]);

        // Opened again: the choices are back in the form.
        var draftPage = await worker.GetStringAsync(location);
        Assert.Contains("id=\"draft-saved\"", draftPage, StringComparison.Ordinal);
        Assert.Contains($"id=\"need-{client.Needs[1].NeedId}\" name=\"Form.NeedIds\" value=\"{client.Needs[1].NeedId}\" checked", draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"need-{client.Needs[0].NeedId}\" name=\"Form.NeedIds\" value=\"{client.Needs[0].NeedId}\" checked", draftPage, StringComparison.Ordinal);
        Assert.Contains("id=\"cat-needs\" name=\"Form.Categories\" value=\"needs\" checked", draftPage, StringComparison.Ordinal);
        Assert.Contains("<option value=\"urgent\" selected=\"selected\">", draftPage, StringComparison.Ordinal);
        Assert.Contains(">Bitte um Termin.</textarea>", draftPage, StringComparison.Ordinal);
        Assert.Contains("name=\"Form.Version\" value=\"1\"", draftPage, StringComparison.Ordinal);
        Assert.Contains("id=\"discard-draft\"", draftPage, StringComparison.Ordinal);

        // Listed as "Entwurf" on the client's referrals, with the way back to it.
        var clientPage = await worker.GetStringAsync($"/Referrals/Client/{client.Id.Value}");
        Assert.Contains("<span class=\"badge\">Entwurf</span>", clientPage, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Referrals/Refer/{client.Id.Value}?draftId={draftId}\"", clientPage, StringComparison.Ordinal);
        Assert.Contains($"?draftId={draftId}", await worker.GetStringAsync("/Referrals/Open"), StringComparison.Ordinal);

        // Send without a covering consent: refused; the edited message is kept in the draft.
        var draftPath = $"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}&draftId={draftId}";
        using (var refused = await worker.PostAsync(draftPath, Form(SignIn.FormToken(draftPage), [client.Needs[1].NeedId], ["identity", "contact"], "Geändert.", 1)))
        {
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Keine gültige Einwilligung deckt die Weitergabe", body, StringComparison.Ordinal);
            Assert.Contains("id=\"draft-not-sent\"", body, StringComparison.Ordinal);
            Assert.Contains("name=\"Form.Version\" value=\"2\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"agency-link\"", body, StringComparison.Ordinal);
        }

        var afterRefusal = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{draftId}/draft"))!;
        Assert.Equal("Geändert.", afterRefusal["message"]!.GetValue<string>());
        Assert.Equal(2, afterRefusal["version"]!.GetValue<int>());

        // A stale edit (the form still says version 1) is a form error and changes nothing.
        using (var stale = await worker.PostAsync($"/Referrals/Refer/{client.Id.Value}?handler=Draft&serviceId={ReferralsHost.DebtService}&draftId={draftId}",
            Form(SignIn.FormToken(draftPage), [client.Needs[1].NeedId], ["identity"], "Überschrieben?", 1)))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var body = await stale.Content.ReadAsStringAsync();
            Assert.Contains("inzwischen von jemand anderem geändert", body, StringComparison.Ordinal);
            Assert.Contains(">Überschrieben?</textarea>", body, StringComparison.Ordinal);
        }

        Assert.Equal("Geändert.", (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{draftId}/draft"))!["message"]!.GetValue<string>());

        // With a consent, the same page sends it.
        host.Clients.Consent(office, client.Id, ReferralsHost.DebtOrganisation, new DateOnly(2027, 12, 31), "identity", "contact");
        var current = await worker.GetStringAsync(draftPath);
        using (var sent = await worker.PostAsync(draftPath, Form(SignIn.FormToken(current), [client.Needs[1].NeedId], ["identity", "contact"], "Geändert.", 2)))
        {
            var body = await sent.Content.ReadAsStringAsync();
            Assert.Contains("id=\"agency-link\" href=\"/Referrals/Answer/", body, StringComparison.Ordinal);
        }

        Assert.Equal("sent", (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{draftId}"))!["status"]!.GetValue<string>());

        // A sent referral is no draft any more: the draft link leads to its details.
        using var gone = await worker.GetAsync($"/Referrals/Refer/{client.Id.Value}?draftId={draftId}");
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
        Assert.Equal($"/Referrals/Details/{draftId}", gone.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_discarded_draft_stays_as_withdrawn_and_supervisors_cannot_save_drafts()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var html = await worker.GetStringAsync($"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}");
        using var saved = await worker.PostAsync($"/Referrals/Refer/{client.Id.Value}?handler=Draft&serviceId={ReferralsHost.DebtService}",
            Form(SignIn.FormToken(html), [client.Needs[0].NeedId], ["identity"], "Entwurf"));
        var location = saved.Headers.Location!.ToString();
        var draftPage = await worker.GetStringAsync(location);

        using (var discarded = await worker.PostAsync($"{location.Split("&saved")[0].Replace("?serviceId", "?handler=Discard&serviceId", StringComparison.Ordinal)}",
            Form(SignIn.FormToken(draftPage), [], [], "", 1)))
        {
            Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
            Assert.Equal($"/Referrals/Client/{client.Id.Value}?discarded=true", discarded.Headers.Location!.ToString());
        }

        var clientPage = await worker.GetStringAsync($"/Referrals/Client/{client.Id.Value}?discarded=true");
        Assert.Contains("id=\"draft-discarded\"", clientPage, StringComparison.Ordinal);
        Assert.Contains("Zurückgezogen", clientPage, StringComparison.Ordinal);
        Assert.Equal("withdrawn", Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!)!["status"]!.GetValue<string>());

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var supervisorPage = await supervisor.GetStringAsync($"/Referrals/Refer/{client.Id.Value}?serviceId={ReferralsHost.DebtService}");
        Assert.DoesNotContain("id=\"save-draft\"", supervisorPage, StringComparison.Ordinal);
        using var refused = await supervisor.PostAsync($"/Referrals/Refer/{client.Id.Value}?handler=Draft&serviceId={ReferralsHost.DebtService}",
            Form(SignIn.FormToken(supervisorPage), [client.Needs[0].NeedId], ["identity"], "Entwurf"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Entwürfe legen Streetworker*innen an.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
    }
}
