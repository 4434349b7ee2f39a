using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>
/// Drafts over HTTP: saved without a consent, publishing nothing and sharing nothing; edited with optimistic concurrency;
/// sent later through the consent gate (refused → still a draft); discarded into the history; by role and office.
/// </summary>
public sealed class ReferralDraftTests
{
    private static object DraftBody(FakeClientDirectory.FakeClient client, Guid service, string[]? categories = null, string urgency = "urgent", string? message = "Bitte um Termin.") => new
    {
        clientId = client.Id.Value,
        serviceId = service,
        needIds = new[] { client.Needs[0].NeedId },
        categories = categories ?? ["identity", "contact", "needs"],
        urgency,
        message,
        publicBodyWarningAcknowledged = false,
    };

    private static async Task<JsonObject> CreateDraftAsync(HttpClient worker, object body)
    {
        using var response = await worker.PostAsJsonAsync("/api/referrals/drafts", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ReferralsHost.JsonAsync(response);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_draft_needs_no_consent_shares_nothing_and_is_sent_only_once_a_consent_covers_it(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var client = host.Clients.AddClient(office, "Amina Haddad", "K-7F3A-92", "debts", "housing");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        using var supervisor = await host.ClientAsync(Roles.Supervisor);

        // No consent at all: the draft is saved anyway.
        var draft = await CreateDraftAsync(worker, DraftBody(client, ReferralsHost.DebtService));
        var id = draft["referralId"]!.GetValue<Guid>();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Equal(1, draft["version"]!.GetValue<int>());
        Assert.Empty(host.Clients.Checks);

        // Nothing published, no agency link, not open, not followed up, not counted as sent.
        Assert.DoesNotContain(await OutboxTypesAsync(host), t => t.Contains(nameof(ReferralSent), StringComparison.Ordinal));
        Assert.Null(await AgencyLinkHashAsync(host, id));
        var view = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!;
        Assert.Equal("draft", view["status"]!.GetValue<string>());
        Assert.Equal(["withdraw"], view["allowedActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!);
        var report = (await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/outcomes/?from=2026-11-01&to=2026-11-30"))!;
        Assert.Equal(0, report["total"]!["sent"]!.GetValue<int>());
        Assert.Empty(report["open"]!.AsArray());
        var listed = Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
        Assert.Equal("draft", listed!["status"]!.GetValue<string>());
        var mine = Assert.Single((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/drafts"))!);
        Assert.Equal("K-7F3A-92", mine!["clientCode"]!.GetValue<string>());

        // Sending it without a covering consent is refused: still a draft, same version, nothing published.
        using (var refused = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await ReferralsHost.JsonAsync(refused))["errors"]!["categories"]);
        }

        var stillDraft = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}/draft"))!;
        Assert.Equal(1, stillDraft["version"]!.GetValue<int>());
        Assert.DoesNotContain(await OutboxTypesAsync(host), t => t.Contains(nameof(ReferralSent), StringComparison.Ordinal));

        // The worker edits it; a stale edit is a conflict and changes nothing.
        using (var edited = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new
        {
            version = 1, serviceId = ReferralsHost.DebtService, needIds = new[] { client.Needs[0].NeedId, client.Needs[1].NeedId },
            categories = new[] { "identity", "contact" }, urgency = "normal", message = "Termin diese Woche?",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
            Assert.Equal(2, (await ReferralsHost.JsonAsync(edited))["version"]!.GetValue<int>());
        }

        using (var stale = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = ReferralsHost.DebtService, categories = new[] { "health" }, message = "überschrieben" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        var saved = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}/draft"))!;
        Assert.Equal(2, saved["version"]!.GetValue<int>());
        Assert.Equal(["identity", "contact"], saved["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal("Termin diese Woche?", saved["message"]!.GetValue<string>());
        Assert.Equal("normal", saved["urgency"]!.GetValue<string>());
        Assert.Equal(2, saved["needIds"]!.AsArray().Count);

        // A consent is recorded; a stale send is still a conflict.
        host.Clients.Consent(office, client.Id, ReferralsHost.DebtOrganisation, new DateOnly(2027, 12, 31), "identity", "contact");
        using (var staleSend = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, staleSend.StatusCode);
        }

        // The consent is there now: the send goes through the gate at send time.
        using (var sent = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 2 }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            var receipt = await ReferralsHost.JsonAsync(sent);
            Assert.StartsWith("/Referrals/Answer/", receipt["agencyLink"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(3, receipt["version"]!.GetValue<int>());
        }

        Assert.Equal(["identity", "contact"], host.Clients.Checks.Last().DataCategories);
        Assert.Contains(await OutboxTypesAsync(host), t => t.Contains(nameof(ReferralSent), StringComparison.Ordinal));
        Assert.NotNull(await AgencyLinkHashAsync(host, id));
        var open = Assert.Single((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/open"))!);
        Assert.Equal(id, open!["id"]!.GetValue<Guid>());
        Assert.Equal(1, (await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/outcomes/?from=2026-11-01&to=2026-11-30"))!["total"]!["sent"]!.GetValue<int>());
        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/drafts"))!);
        var history = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!["history"]!.AsArray();
        Assert.Equal(["draft", "draft", "sent"], history.Select(h => h!["to"]!.GetValue<string>()));

        // Sent: no more editing, sending or discarding as a draft.
        using (var again = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 3 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var edit = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 3, serviceId = ReferralsHost.DebtService }))
        {
            Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        }

        using (var discard = await worker.PostAsJsonAsync($"/api/referrals/{id}/discard", new { version = 3 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, discard.StatusCode);
        }

        Assert.Equal("sent", (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_discarded_draft_is_withdrawn_and_kept_in_the_history(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var id = (await CreateDraftAsync(worker, DraftBody(client, ReferralsHost.DebtService)))["referralId"]!.GetValue<Guid>();

        using (var stale = await worker.PostAsJsonAsync($"/api/referrals/{id}/discard", new { version = 7 }))
        {
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }

        using (var discarded = await worker.PostAsJsonAsync($"/api/referrals/{id}/discard", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
            Assert.Equal("withdrawn", (await ReferralsHost.JsonAsync(discarded))["status"]!.GetValue<string>());
        }

        var listed = Assert.Single((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);
        Assert.Equal("withdrawn", listed!["status"]!.GetValue<string>());
        var view = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!;
        Assert.Equal(["draft", "withdrawn"], view["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));
        Assert.Null(view["sentAt"]);
        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>("/api/referrals/drafts"))!);

        using var send = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 2 });
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.DoesNotContain(await OutboxTypesAsync(host), t => t.Contains(nameof(ReferralSent), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draft_to_a_public_body_gets_the_warning_at_send_time()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var client = host.Clients.AddClient(office, "Lina Noor", "K-2222-22", "work_training");
        host.Clients.Consent(office, client.Id, ReferralsHost.JobCentre, new DateOnly(2027, 1, 1), "identity", "contact", "residence");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var id = (await CreateDraftAsync(worker, DraftBody(client, ReferralsHost.JobCentreService, ["identity", "contact", "residence"])))["referralId"]!.GetValue<Guid>();

        using (var refused = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1 }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await ReferralsHost.JsonAsync(refused))["errors"]!["PublicBodyWarningAcknowledged"]);
        }

        Assert.Equal("draft", (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!["status"]!.GetValue<string>());
        using var sent = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1, publicBodyWarningAcknowledged = true });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.True((await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!["toPublicBody"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_changes_nothing()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var other = host.Clients.AddClient(office, "Omar Said", "K-1111-11", "debts");
        using var worker = await host.ClientAsync(Roles.Streetworker);

        async Task AssertRefusedAsync(HttpResponseMessage response, string field)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull((await ReferralsHost.JsonAsync(response))["errors"]![field]);
        }

        using (var r = await worker.PostAsJsonAsync("/api/referrals/drafts", DraftBody(client, ReferralsHost.DebtService, ["identity", "secrets"]))) { await AssertRefusedAsync(r, "categories"); }
        using (var r = await worker.PostAsJsonAsync("/api/referrals/drafts", DraftBody(client, ReferralsHost.DebtService, urgency: "whenever"))) { await AssertRefusedAsync(r, "urgency"); }
        using (var r = await worker.PostAsJsonAsync("/api/referrals/drafts", DraftBody(client, ReferralsHost.DebtService, message: new string('x', 2001)))) { await AssertRefusedAsync(r, "message"); }
        using (var r = await worker.PostAsJsonAsync("/api/referrals/drafts", DraftBody(client, Guid.CreateVersion7()))) { await AssertRefusedAsync(r, "serviceId"); }
        using (var r = await worker.PostAsJsonAsync("/api/referrals/drafts", new { clientId = client.Id.Value, serviceId = ReferralsHost.DebtService, needIds = new[] { other.Needs[0].NeedId } }))
        {
            await AssertRefusedAsync(r, "needIds");
        }

        Assert.Empty((await worker.GetFromJsonAsync<JsonArray>($"/api/referrals/client/{client.Id.Value}"))!);

        var id = (await CreateDraftAsync(worker, DraftBody(client, ReferralsHost.DebtService)))["referralId"]!.GetValue<Guid>();
        using (var r = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = ReferralsHost.DebtService, categories = new[] { "secrets" } })) { await AssertRefusedAsync(r, "categories"); }
        using (var r = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = Guid.CreateVersion7() })) { await AssertRefusedAsync(r, "serviceId"); }
        using (var r = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 0, serviceId = ReferralsHost.DebtService })) { await AssertRefusedAsync(r, "version"); }
        using (var r = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 0 })) { await AssertRefusedAsync(r, "version"); }

        var unchanged = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}/draft"))!;
        Assert.Equal(1, unchanged["version"]!.GetValue<int>());
        Assert.Equal(["identity", "contact", "needs"], unchanged["categories"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(ReferralsHost.DebtService, unchanged["serviceId"]!.GetValue<Guid>());

        // A draft with no needs or categories can be saved, but not sent.
        using (var r = await worker.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = ReferralsHost.DebtService }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await worker.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 2 })) { await AssertRefusedAsync(r, "needIds"); }
        Assert.Equal("draft", (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}"))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_streetworkers_draft_and_another_office_finds_nothing()
    {
        await using var host = await ReferralsHost.StartAsync(DatabaseProvider.Sqlite);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var id = (await CreateDraftAsync(worker, DraftBody(client, ReferralsHost.DebtService)))["referralId"]!.GetValue<Guid>();
        var body = DraftBody(client, ReferralsHost.DebtService);

        foreach (var role in new[] { Roles.Supervisor, Roles.Partner, Roles.Interpreter, Roles.Administrator })
        {
            using var other = await host.ClientAsync(role);
            using var create = await other.PostAsJsonAsync("/api/referrals/drafts", body);
            Assert.True(create.StatusCode == HttpStatusCode.Forbidden, $"{role}: {create.StatusCode}");
            using var edit = await other.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = ReferralsHost.DebtService });
            Assert.True(edit.StatusCode == HttpStatusCode.Forbidden, $"{role}: {edit.StatusCode}");
        }

        foreach (var role in new[] { Roles.Partner, Roles.Interpreter, Roles.Administrator })
        {
            using var other = await host.ClientAsync(role);
            using var send = await other.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1 });
            Assert.True(send.StatusCode == HttpStatusCode.Forbidden, $"{role}: {send.StatusCode}");
            using var discard = await other.PostAsJsonAsync($"/api/referrals/{id}/discard", new { version = 1 });
            Assert.True(discard.StatusCode == HttpStatusCode.Forbidden, $"{role}: {discard.StatusCode}");
        }

        using (var anonymous = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        using (var create = await anonymous.PostAsJsonAsync("/api/referrals/drafts", body))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        }

        var elsewhere = await host.Factory.CreateOfficeAsync("Streetwork Süd");
        using (var stranger = await host.Factory.SignedInClientAsync(await host.Factory.CreateUserAsync(elsewhere, Roles.Streetworker)))
        {
            using (var create = await stranger.PostAsJsonAsync("/api/referrals/drafts", body)) { Assert.Equal(HttpStatusCode.NotFound, create.StatusCode); }
            using (var get = await stranger.GetAsync($"/api/referrals/{id}/draft")) { Assert.Equal(HttpStatusCode.NotFound, get.StatusCode); }
            using (var edit = await stranger.PutAsJsonAsync($"/api/referrals/{id}/draft", new { version = 1, serviceId = ReferralsHost.DebtService })) { Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode); }
            using (var send = await stranger.PostAsJsonAsync($"/api/referrals/{id}/send", new { version = 1 })) { Assert.Equal(HttpStatusCode.NotFound, send.StatusCode); }
            using (var discard = await stranger.PostAsJsonAsync($"/api/referrals/{id}/discard", new { version = 1 })) { Assert.Equal(HttpStatusCode.NotFound, discard.StatusCode); }
            using (var page = await stranger.GetAsync($"/Referrals/Refer/{client.Id.Value}?draftId={id}")) { Assert.Equal(HttpStatusCode.NotFound, page.StatusCode); }
        }

        // A partner of the receiving organisation sees no drafts.
        var partnerUser = await host.Factory.CreateUserAsync(await host.Factory.DemoOfficeAsync(), Roles.Partner, "Frau Yilmaz");
        using (var admin = await host.ClientAsync(Roles.Administrator))
        using (var linked = await admin.PutAsync($"/api/referrals/directory/organisations/{ReferralsHost.DebtOrganisation}/partners/{partnerUser.Id.Value}", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, linked.StatusCode);
        }

        using var partner = await host.Factory.SignedInClientAsync(partnerUser);
        Assert.Empty((await partner.GetFromJsonAsync<JsonArray>("/api/referrals/partner"))!);
        using var hidden = await partner.GetAsync($"/api/referrals/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        // Still a draft, untouched by all of the above.
        var draft = (await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}/draft"))!;
        Assert.Equal(1, draft["version"]!.GetValue<int>());
    }

    private static async Task<List<string>> OutboxTypesAsync(ReferralsHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().OutboxMessages.Select(m => m.Type).ToListAsync();
    }

    private static async Task<string?> AgencyLinkHashAsync(ReferralsHost host, Guid id)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().Referrals.IgnoreQueryFilters()
            .Where(r => r.Id == id).Select(r => r.AgencyLinkHash).SingleAsync();
    }
}
