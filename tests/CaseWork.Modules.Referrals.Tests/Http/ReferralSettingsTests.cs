using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The office's follow-up settings: defaults, who changes them, bad input and stale versions, and that they are used.</summary>
public sealed class ReferralSettingsTests : IAsyncLifetime
{
    private ReferralsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await _host.ImportDirectoryAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_supervisor_sets_the_follow_up_and_new_agency_links_follow_it()
    {
        using var supervisor = await _host.ClientAsync(Roles.Supervisor);
        var defaults = await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/settings");
        Assert.Equal(3, defaults!["reminderAfterWorkingDays"]!.GetValue<int>());
        Assert.Equal(14, defaults["expiryAfterDays"]!.GetValue<int>());
        Assert.Equal(30, defaults["agencyLinkDays"]!.GetValue<int>());
        Assert.Equal(0, defaults["version"]!.GetValue<int>());

        using var saved = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 2, expiryAfterDays = 10, agencyLinkDays = 3, land = "BY", version = 0 });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var read = await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/settings");
        Assert.Equal("BY", read!["land"]!.GetValue<string>());
        Assert.Equal(3, read["agencyLinkDays"]!.GetValue<int>());
        Assert.Equal(1, read["version"]!.GetValue<int>());

        // A link sent now works for three days, not thirty.
        var (client, _) = await _host.ClientWithConsentAsync();
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        var receipt = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity"]));
        var link = "/api/referrals/agency/" + receipt["agencyLink"]!.GetValue<string>().Split('/').Last();
        using var agency = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await agency.GetAsync(link)).StatusCode);
        _host.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(HttpStatusCode.NotFound, (await agency.GetAsync(link)).StatusCode);

        // The page shows what is stored and saves through the same rules (signed in again: four days end a session).
        using var returning = await _host.ClientAsync(Roles.Supervisor);
        var page = await returning.GetStringAsync("/Referrals/Settings");
        Assert.Contains("value=\"BY\" selected=\"selected\"", page, StringComparison.Ordinal);
        using var posted = await returning.PostAsync("/Referrals/Settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.FormToken(page), ["ReminderAfterWorkingDays"] = "4", ["ExpiryAfterDays"] = "21",
            ["AgencyLinkDays"] = "30", ["Land"] = "", ["Version"] = "1",
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var after = await returning.GetFromJsonAsync<JsonObject>("/api/referrals/settings");
        Assert.Null(after!["land"]);
        Assert.Equal(21, after["expiryAfterDays"]!.GetValue<int>());
        Assert.Equal(2, after["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task First_saves_racing_each_other_give_one_save_and_conflicts_never_a_server_error()
    {
        using var supervisor = await _host.ClientAsync(Roles.Supervisor);
        using var administrator = await _host.ClientAsync(Roles.Administrator);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? supervisor : administrator).PutAsJsonAsync("/api/referrals/settings",
                new { reminderAfterWorkingDays = 2 + i, expiryAfterDays = 20, agencyLinkDays = 30, land = "BE", version = 0 });
            return response.StatusCode;
        }));

        Assert.Single(answers, a => a == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a));
        Assert.Equal(1, (await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/settings"))!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_input_a_stale_version_and_staff_without_the_role_change_nothing()
    {
        using var supervisor = await _host.ClientAsync(Roles.Supervisor);
        using var first = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 3, expiryAfterDays = 14, agencyLinkDays = 30, land = "BE", version = 0 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using (var bad = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 0, expiryAfterDays = 0, agencyLinkDays = 400, land = "XX", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var errors = (await ReferralsHost.JsonAsync(bad))["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("reminderAfterWorkingDays"));
            Assert.True(errors.ContainsKey("expiryAfterDays"));
            Assert.True(errors.ContainsKey("agencyLinkDays"));
            Assert.True(errors.ContainsKey("land"));
        }

        using (var backwards = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 10, expiryAfterDays = 5, agencyLinkDays = 30, land = "BE", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        }

        // A second "first save" (both forms read the defaults at version 0) and a form read before the last save are refused.
        using (var secondFirst = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 5, expiryAfterDays = 20, agencyLinkDays = 30, version = 0 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, secondFirst.StatusCode);
        }

        using (var admin = await _host.ClientAsync(Roles.Administrator))
        using (var changed = await admin.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 4, expiryAfterDays = 14, agencyLinkDays = 30, land = "BE", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        using (var stale = await supervisor.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 9, expiryAfterDays = 30, agencyLinkDays = 30, land = "BE", version = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using var worker = await _host.ClientAsync(Roles.Streetworker);
        using (var notAllowed = await worker.PutAsJsonAsync("/api/referrals/settings", new { reminderAfterWorkingDays = 1, expiryAfterDays = 2, agencyLinkDays = 1, version = 2 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAllowed.StatusCode);
        }

        using (var page = await worker.GetAsync("/Referrals/Settings"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        }

        var stored = await worker.GetFromJsonAsync<JsonObject>("/api/referrals/settings");
        Assert.Equal(4, stored!["reminderAfterWorkingDays"]!.GetValue<int>());
        Assert.Equal(2, stored["version"]!.GetValue<int>());
    }
}
