using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>Consent gate, public-body warning, agency link rules, concurrency and bad input over HTTP.</summary>
public sealed class ReferralRulesTests : IAsyncLifetime
{
    private ReferralsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await _host.ImportDirectoryAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Sending_without_a_covering_consent_is_refused_and_stores_nothing()
    {
        var (client, _) = await _host.ClientWithConsentAsync("identity");
        using var worker = await _host.ClientAsync(Roles.Streetworker);

        using var response = await worker.PostAsJsonAsync("/api/referrals/", ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity", "health"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReferralsHost.JsonAsync(response);
        Assert.Contains("Gesundheit", problem["errors"]!["categories"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
    }

    [Fact]
    public async Task An_expired_consent_does_not_cover_today()
    {
        var office = await _host.Factory.DemoOfficeAsync();
        var client = _host.Clients.AddClient(office, "Omar Said", "K-1111-11", "debts");
        _host.Clients.Consent(office, client.Id, ReferralsHost.DebtOrganisation, new DateOnly(2026, 11, 1), "identity", "contact", "needs");
        using var worker = await _host.ClientAsync(Roles.Streetworker);

        using var response = await worker.PostAsJsonAsync("/api/referrals/", ReferralsHost.ReferBody(client, ReferralsHost.DebtService));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_supervisor_may_override_with_a_reason_and_a_streetworker_may_not()
    {
        var (client, _) = await _host.ClientWithConsentAsync("identity");
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        using var supervisor = await _host.ClientAsync(Roles.Supervisor);
        var body = ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity", "finances"], overrideReason: "Räumung in drei Tagen, Klientin im Krankenhaus");

        using (var refused = await worker.PostAsJsonAsync("/api/referrals/", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await ReferralsHost.JsonAsync(refused))["errors"]!["consentOverrideReason"]);
        }

        using (var tooShort = await supervisor.PostAsJsonAsync("/api/referrals/", ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity", "finances"], overrideReason: "eilig")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        }

        var sent = await ReferralsHost.SendAsync(supervisor, body);
        var view = await supervisor.GetFromJsonAsync<JsonObject>($"/api/referrals/{sent["referralId"]}");
        Assert.True(view!["consentOverridden"]!.GetValue<bool>());
    }

    [Fact]
    public async Task More_than_the_minimum_to_a_public_body_needs_the_warning_acknowledged()
    {
        var office = await _host.Factory.DemoOfficeAsync();
        var client = _host.Clients.AddClient(office, "Lina Noor", "K-2222-22", "work_training");
        _host.Clients.Consent(office, client.Id, ReferralsHost.JobCentre, new DateOnly(2027, 1, 1), "identity", "contact", "residence");
        using var worker = await _host.ClientAsync(Roles.Streetworker);

        using (var refused = await worker.PostAsJsonAsync("/api/referrals/", ReferralsHost.ReferBody(client, ReferralsHost.JobCentreService, ["identity", "residence"])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("87 AufenthG", (await ReferralsHost.JsonAsync(refused))["errors"]!["PublicBodyWarningAcknowledged"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        }

        await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.JobCentreService, ["identity", "contact"]));
        await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.JobCentreService, ["identity", "residence"], acknowledged: true));
    }

    [Fact]
    public async Task The_agency_link_shows_only_shared_categories_and_works_only_for_its_referral_until_it_expires()
    {
        var (client, _) = await _host.ClientWithConsentAsync();
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        var onlyIdentity = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity"]));
        var withNeeds = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService, ["identity", "contact", "needs"]));
        using var agency = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        string Token(JsonObject receipt) => receipt["agencyLink"]!.GetValue<string>().Split('/').Last();

        var first = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{Token(onlyIdentity)}");
        Assert.Equal(onlyIdentity["referralId"]!.GetValue<Guid>(), first!["id"]!.GetValue<Guid>());
        Assert.Equal("Amina Haddad", first["client"]!["name"]!.GetValue<string>());
        Assert.Null(first["client"]!["contact"]);
        Assert.Null(first["client"]!["needs"]);
        Assert.DoesNotContain("Anliegen debts", first.ToJsonString(), StringComparison.Ordinal);

        var second = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{Token(withNeeds)}");
        Assert.Equal(withNeeds["referralId"]!.GetValue<Guid>(), second!["id"]!.GetValue<Guid>());
        Assert.Equal("+49 170 5550123", second["client"]!["contact"]!.GetValue<string>());
        Assert.Contains("Anliegen debts", second.ToJsonString(), StringComparison.Ordinal);

        using (var guessed = await agency.GetAsync($"/api/referrals/agency/{Token(onlyIdentity)[..^2]}xx"))
        {
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        }

        _host.Clock.Advance(TimeSpan.FromDays(31));
        using var expired = await agency.GetAsync($"/api/referrals/agency/{Token(withNeeds)}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        using var answerExpired = await agency.PostAsJsonAsync($"/api/referrals/agency/{Token(withNeeds)}/answer", new { action = "accept", version = 1 });
        Assert.Equal(HttpStatusCode.NotFound, answerExpired.StatusCode);
    }

    [Fact]
    public async Task Concurrent_answers_on_the_same_version_conflict()
    {
        var (client, _) = await _host.ClientWithConsentAsync();
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        var sent = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var token = sent["agencyLink"]!.GetValue<string>().Split('/').Last();
        var version = sent["version"]!.GetValue<int>();
        using var agency = _host.Factory.CreateClient();

        using var first = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", new { action = "waitlist", position = 3, version });
        using var second = await worker.PostAsJsonAsync($"/api/referrals/{sent["referralId"]}/answer", new { action = "withdraw", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var view = await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{sent["referralId"]}");
        Assert.Equal("waitlisted", view!["status"]!.GetValue<string>());
        Assert.Equal(3, view["waitlistPosition"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{ "action": "decline", "version": 1 }""", "reason")]
    [InlineData("""{ "action": "waitlist", "version": 1, "position": 0 }""", "position")]
    [InlineData("""{ "action": "complete", "version": 1, "outcome": "fine" }""", "outcome")]
    [InlineData("""{ "action": "explode", "version": 1 }""", "action")]
    public async Task Bad_answers_get_problem_details_and_change_nothing(string body, string field)
    {
        var (client, _) = await _host.ClientWithConsentAsync();
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        var sent = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var token = sent["agencyLink"]!.GetValue<string>().Split('/').Last();
        using var agency = _host.Factory.CreateClient();

        using var response = await agency.PostAsync($"/api/referrals/agency/{token}/answer", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await ReferralsHost.JsonAsync(response))["errors"]![field]);
        var view = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        Assert.Equal("sent", view!["status"]!.GetValue<string>());
        Assert.Equal(sent["version"]!.GetValue<int>(), view["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_agency_cannot_withdraw_and_a_refused_transition_is_a_conflict()
    {
        var (client, _) = await _host.ClientWithConsentAsync();
        using var worker = await _host.ClientAsync(Roles.Streetworker);
        var sent = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var token = sent["agencyLink"]!.GetValue<string>().Split('/').Last();
        using var agency = _host.Factory.CreateClient();

        using var withdraw = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", new { action = "withdraw", version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, withdraw.StatusCode);
        using var complete = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", new { action = "complete", outcome = "goal_reached", version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, complete.StatusCode);
    }

    [Fact]
    public async Task Bad_referral_input_gets_field_messages()
    {
        using var worker = await _host.ClientAsync(Roles.Streetworker);

        using var response = await worker.PostAsJsonAsync("/api/referrals/", new { clientId = Guid.Empty, serviceId = Guid.Empty, needIds = Array.Empty<Guid>(), categories = new[] { "secrets" }, urgency = "whenever" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReferralsHost.JsonAsync(response))["errors"]!.AsObject();
        Assert.Equal(["categories", "clientId", "needIds", "serviceId", "urgency"], errors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task A_bad_directory_import_changes_nothing()
    {
        using var admin = await _host.ClientAsync(Roles.Administrator);
        var bad = ReferralsHost.DirectoryJson().Replace("\"Schuldnerberatung Nord e.V.\"", "\"Neuer Name\"", StringComparison.Ordinal)
            .Replace("\"code\": \"tr\"", "\"code\": \"xx\"", StringComparison.Ordinal);

        using var response = await admin.PostAsync("/api/referrals/directory/import", new StringContent(bad, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("xx", (await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var export = await admin.GetStringAsync("/api/referrals/directory/export");
        Assert.Contains("Schuldnerberatung Nord e.V.", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Neuer Name", export, StringComparison.Ordinal);
    }
}
