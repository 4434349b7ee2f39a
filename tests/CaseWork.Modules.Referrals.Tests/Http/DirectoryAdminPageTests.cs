using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>Administrators keep the directory by hand: organisation, location, contact and service forms; bad input and stale versions change nothing.</summary>
public sealed class DirectoryAdminPageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_administrator_creates_and_edits_an_organisation_with_a_location_a_contact_and_a_service(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        using var admin = await AdminAsync(host);
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/Referrals/Organisation");

        using var created = await admin.PostAsync("/Referrals/Organisation", Form(token, ("Organisation.Name", "Beratungszentrum Neukölln"), ("Organisation.Email", "info@bz-neukoelln.invalid")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Matches("^/Referrals/Organisation/[0-9a-f-]{36}$", page);
        var organisationId = Guid.Parse(page.Split('/').Last());

        using (var location = await admin.PostAsync(page + "?handler=Location", Form(token,
            ("Location.Name", "Hauptsitz"), ("Location.Street", "Karl-Marx-Straße 100"), ("Location.PostalCode", "12043"), ("Location.City", "Berlin"),
            ("Location.Days", "MO"), ("Location.Days", "WE"), ("Location.OpensAt", "09:00"), ("Location.ClosesAt", "13:00"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, location.StatusCode);
        }

        using (var contact = await admin.PostAsync(page + "?handler=Contact", Form(token, ("Contact.Name", "Herr Demir"), ("Contact.Email", "demir@bz-neukoelln.invalid"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        }

        var html = await admin.GetStringAsync(page);
        Assert.Contains("Karl-Marx-Straße 100, 12043 Berlin", html, StringComparison.Ordinal);
        Assert.Contains("Mo, Mi 09:00–13:00", html, StringComparison.Ordinal);
        Assert.Contains("Herr Demir", html, StringComparison.Ordinal);
        var locationId = System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync($"/Referrals/Service/{organisationId}"), "name=\"Service.LocationIds\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

        // Bad input: an unknown language code and a negative waiting time; nothing is saved.
        using (var bad = await admin.PostAsync($"/Referrals/Service/{organisationId}", Form(token,
            ("Service.Name", "Sozialberatung"), ("Service.Type", "other"), ("Service.Languages", "de, xx"), ("Service.TypicalWaitingDays", "-3"))))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var body = await bad.Content.ReadAsStringAsync();
            Assert.Contains("error-summary", body, StringComparison.Ordinal);
            Assert.Contains("Wartezeit", body, StringComparison.Ordinal);
        }

        using (var service = await admin.PostAsync($"/Referrals/Service/{organisationId}", Form(token,
            ("Service.Name", "Sozialberatung"), ("Service.Type", "migration_counselling"), ("Service.Languages", "de, ar, tr"),
            ("Service.TypicalWaitingDays", "5"), ("Service.TakingNewClients", "true"), ("Service.LocationIds", locationId))))
        {
            Assert.Equal(HttpStatusCode.Redirect, service.StatusCode);
        }

        using var worker = await host.ClientAsync(Roles.Streetworker);
        var found = await worker.GetFromJsonAsync<JsonArray>("/api/referrals/directory/services?language=tr&place=Karl-Marx");
        var item = Assert.Single(found!);
        Assert.Equal("Sozialberatung", item!["name"]!.GetValue<string>());
        Assert.Equal("Beratungszentrum Neukölln", item["organisationName"]!.GetValue<string>());

        // A stale version is refused with 409 and changes nothing.
        using (var renamed = await admin.PostAsync(page, Form(token, ("Organisation.Name", "BZ Neukölln"), ("Organisation.Version", "1"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        using (var stale = await admin.PostAsync(page, Form(token, ("Organisation.Name", "Veraltet"), ("Organisation.Version", "1"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        Assert.Contains("<h1>BZ Neukölln</h1>", await admin.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_administrator_edits_and_removes_locations_and_contacts_checked_against_the_organisations_version(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        using var admin = await AdminAsync(host);
        var token = await SignIn.AntiforgeryTokenAsync(admin, "/Referrals/Organisation");
        using var created = await admin.PostAsync("/Referrals/Organisation", Form(token, ("Organisation.Name", "Jugendmigrationsdienst")));
        var page = created.Headers.Location!.OriginalString.Split('?')[0];
        var organisationId = Guid.Parse(page.Split('/').Last());
        (await admin.PostAsync(page + "?handler=Location", Form(token, ("Location.Name", "Büro"), ("Location.Street", "Alte Straße 1"), ("Location.City", "Berlin"),
            ("Location.Days", "TU"), ("Location.OpensAt", "10:00"), ("Location.ClosesAt", "12:00")))).Dispose();
        (await admin.PostAsync(page + "?handler=Location", Form(token, ("Location.Name", "Nebenstelle"), ("Location.Street", "Gasse 2"), ("Location.City", "Berlin")))).Dispose();
        (await admin.PostAsync(page + "?handler=Contact", Form(token, ("Contact.Name", "Frau Aydın"), ("Contact.Phone", "030 1234")))).Dispose();
        var html = await admin.GetStringAsync(page);
        var office = EntryId(html, "EditLocation", "locationId", 0);
        var branch = EntryId(html, "EditLocation", "locationId", 1);
        var contact = EntryId(html, "EditContact", "contactId", 0);
        var version = Version(html);
        (await admin.PostAsync($"/Referrals/Service/{organisationId}", Form(token, ("Service.Name", "Beratung"), ("Service.Type", "migration_counselling"),
            ("Service.Languages", "de"), ("Service.LocationIds", branch)))).Dispose();
        version = Version(await admin.GetStringAsync(page));

        // Bad input changes nothing: a street-less address.
        using (var bad = await admin.PostAsync($"{page}?handler=EditLocation&locationId={office}", Form(token, ("Organisation.Version", version.ToString()),
            ("EditedLocation.Name", "Büro"), ("EditedLocation.Street", ""), ("EditedLocation.City", "Berlin"), ("EditedLocation.ReplaceOpeningHours", "true"))))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("Bitte eine Straße angeben", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var moved = await admin.PostAsync($"{page}?handler=EditLocation&locationId={office}", Form(token, ("Organisation.Version", version.ToString()),
            ("EditedLocation.Name", "Büro"), ("EditedLocation.Street", "Neue Straße 9"), ("EditedLocation.PostalCode", "10115"), ("EditedLocation.City", "Berlin"),
            ("EditedLocation.Days", "MO"), ("EditedLocation.Days", "TH"), ("EditedLocation.OpensAt", "09:00"), ("EditedLocation.ClosesAt", "15:00"),
            ("EditedLocation.ReplaceOpeningHours", "true"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        }

        html = await admin.GetStringAsync(page);
        Assert.Contains("Neue Straße 9, 10115 Berlin", html, StringComparison.Ordinal);
        Assert.Contains("Mo, Do 09:00–15:00", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Alte Straße 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Di 10:00–12:00", html, StringComparison.Ordinal);
        Assert.Equal(version + 1, Version(html));

        // The form still holds the version from before the edit: a second administrator's change is refused, nothing is lost.
        using (var stale = await admin.PostAsync($"{page}?handler=EditContact&contactId={contact}", Form(token, ("Organisation.Version", version.ToString()),
            ("EditedContact.Name", "Veraltet"))))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var staleRemoval = await admin.PostAsync($"{page}?handler=RemoveLocation&locationId={branch}", Form(token, ("Organisation.Version", version.ToString()))))
        {
            Assert.Equal(HttpStatusCode.Conflict, staleRemoval.StatusCode);
        }

        html = await admin.GetStringAsync(page);
        Assert.Contains("Frau Aydın", html, StringComparison.Ordinal);
        Assert.Contains("Gasse 2", html, StringComparison.Ordinal);
        Assert.Contains("1 Angebote werden an diesem Ort angeboten", html, StringComparison.Ordinal);
        version = Version(html);

        using (var renamed = await admin.PostAsync($"{page}?handler=EditContact&contactId={contact}", Form(token, ("Organisation.Version", version.ToString()),
            ("EditedContact.Name", "Frau Aydın"), ("EditedContact.Title", "Leitung"), ("EditedContact.Email", "aydin@jmd.invalid"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        version = Version(await admin.GetStringAsync(page));
        using (var removed = await admin.PostAsync($"{page}?handler=RemoveLocation&locationId={branch}", Form(token, ("Organisation.Version", version.ToString()))))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        version = Version(await admin.GetStringAsync(page));
        using (var gone = await admin.PostAsync($"{page}?handler=RemoveLocation&locationId={branch}", Form(token, ("Organisation.Version", version.ToString()))))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("Diesen Ort gibt es bei der Organisation nicht.", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        html = await admin.GetStringAsync(page);
        Assert.Contains("Frau Aydın, Leitung · aydin@jmd.invalid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gasse 2", html, StringComparison.Ordinal);
        Assert.Contains("Neue Straße 9", html, StringComparison.Ordinal);
        // The service stays; it is just no longer offered at the removed location.
        Assert.DoesNotContain(branch, await admin.GetStringAsync($"/Referrals/Service/{organisationId}"), StringComparison.Ordinal);
        using var worker = await host.ClientAsync(Roles.Streetworker);
        Assert.Single((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/directory/services"))!, s => s!["organisationName"]!.GetValue<string>() == "Jugendmigrationsdienst");

        using (var removedContact = await admin.PostAsync($"{page}?handler=RemoveContact&contactId={contact}", Form(token, ("Organisation.Version", version.ToString()))))
        {
            Assert.Equal(HttpStatusCode.Redirect, removedContact.StatusCode);
        }

        Assert.DoesNotContain("Frau Aydın", await admin.GetStringAsync(page), StringComparison.Ordinal);
    }

    /// <summary>The id in the <paramref name="index"/>-th form posting to <paramref name="handler"/> (the entries are listed by name).</summary>
    private static string EntryId(string html, string handler, string parameter, int index) =>
        System.Text.RegularExpressions.Regex.Matches(html, "action=\"([^\"]*)\"").Select(m => m.Groups[1].Value)
            .Where(action => action.Contains($"handler={handler}", StringComparison.Ordinal))
            .Select(action => System.Text.RegularExpressions.Regex.Match(action, $"{parameter}=([0-9a-f-]{{36}})").Groups[1].Value)
            .ElementAt(index);

    private static int Version(string html) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, "name=\"Organisation.Version\" value=\"(\\d+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Only_administrators_edit_and_unknown_entries_are_not_found()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        using var admin = await AdminAsync(host);
        using (var unknown = await admin.GetAsync($"/Referrals/Organisation/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using (var unknownService = await admin.GetAsync($"/Referrals/Service/{ReferralsHost.DebtOrganisation}/{Guid.NewGuid()}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknownService.StatusCode);
        }

        using (var nameless = await admin.PostAsync($"/Referrals/Organisation/{ReferralsHost.DebtOrganisation}",
            Form(await SignIn.AntiforgeryTokenAsync(admin, "/Referrals/Organisation"), ("Organisation.Name", ""), ("Organisation.Version", "1"))))
        {
            Assert.Contains("Bitte einen Namen angeben.", await nameless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("Schuldnerberatung Nord e.V.", await admin.GetStringAsync($"/Referrals/Organisation/{ReferralsHost.DebtOrganisation}"), StringComparison.Ordinal);

        foreach (var role in new[] { Roles.Streetworker, Roles.Supervisor })
        {
            using var other = await host.ClientAsync(role);
            using var response = await other.GetAsync($"/Referrals/Organisation/{ReferralsHost.DebtOrganisation}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        // Another office's administrator does not see this office's organisation.
        var office = await host.Factory.CreateOfficeAsync("Streetwork Süd");
        using var otherAdmin = await host.Factory.SignedInClientAsync(await host.Factory.CreateUserAsync(office, Roles.Administrator));
        using var foreign = await otherAdmin.GetAsync($"/Referrals/Organisation/{ReferralsHost.DebtOrganisation}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    private static async Task<HttpClient> AdminAsync(ReferralsHost host) => await host.ClientAsync(Roles.Administrator);

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);
}
