using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.IntegrationEventHandlers;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Modules.Referrals.Tests.Http;

/// <summary>The consumers of the Clients module's events, delivered as the inbox does (handler + the module's SaveChanges), on both databases.</summary>
public sealed class ClientEventConsumerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_revoked_consent_stops_sharing_on_the_open_referrals_relying_on_it_and_on_no_others(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, consentId) = await host.ClientWithConsentAsync();
        var office = await host.Factory.DemoOfficeAsync();
        var other = host.Clients.AddClient(office, "Fatima Rahimi", "K-2C3D-44", "debts");
        host.Clients.Consent(office, other.Id, ReferralsHost.DebtOrganisation, new DateOnly(2027, 12, 31), "identity", "contact", "needs");
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var revoked = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var untouched = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(other, ReferralsHost.DebtService));
        var token = revoked["agencyLink"]!.GetValue<string>().Split('/').Last();
        var revokedId = revoked["referralId"]!.GetValue<Guid>();

        var revocation = new ConsentRevoked(Guid.NewGuid(), host.Clock.GetUtcNow(), office, client.Id, consentId, "Schuldnerberatung Nord e.V.",
            ReferralsHost.DebtOrganisation, DateOnly.FromDateTime(host.Clock.GetUtcNow().UtcDateTime));
        await DeliverAsync<StopSharingWhenConsentRevoked, ConsentRevoked>(host, revocation);
        await DeliverAsync<StopSharingWhenConsentRevoked, ConsentRevoked>(host, revocation with { EventId = Guid.NewGuid() });

        var full = await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{revokedId}");
        Assert.True(full!["sharingStopped"]!.GetValue<bool>());
        Assert.Empty(full["sharedCategories"]!.AsArray());
        Assert.Equal("sent", full["status"]!.GetValue<string>());
        // One history entry by the system, however often the event arrives.
        Assert.Single(full["history"]!.AsArray(), h => h!["note"]?.GetValue<string>() == "consent revoked: sharing stopped");

        using var agency = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var view = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        Assert.True(view!["sharingStopped"]!.GetValue<bool>());
        Assert.Null(view["client"]?["name"]);
        Assert.Null(view["client"]?["contact"]);
        using (var accepted = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer", new { action = "accept", version = view["version"]!.GetValue<int>() }))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        var still = await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{untouched["referralId"]!.GetValue<Guid>()}");
        Assert.False(still!["sharingStopped"]!.GetValue<bool>());
        Assert.Equal(["identity", "contact", "needs"], still["sharedCategories"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_anonymised_client_keeps_only_the_counts(DatabaseProvider provider)
    {
        await using var host = await ReferralsHost.StartAsync(provider);
        await host.ImportDirectoryAsync();
        var (client, _) = await host.ClientWithConsentAsync();
        var office = await host.Factory.DemoOfficeAsync();
        using var worker = await host.ClientAsync(Roles.Streetworker);
        var sent = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var id = sent["referralId"]!.GetValue<Guid>();
        var token = sent["agencyLink"]!.GetValue<string>().Split('/').Last();
        using var agency = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var view = await agency.GetFromJsonAsync<JsonObject>($"/api/referrals/agency/{token}");
        using (var declined = await agency.PostAsJsonAsync($"/api/referrals/agency/{token}/answer",
            new { action = "decline", reason = "no_capacity", note = "Frau Haddad bitte im Frühjahr erneut melden", version = view!["version"]!.GetValue<int>() }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var second = await ReferralsHost.SendAsync(worker, ReferralsHost.ReferBody(client, ReferralsHost.DebtService));
        var secondToken = second["agencyLink"]!.GetValue<string>().Split('/').Last();

        await DeliverAsync<AnonymiseReferralsOfClient, ClientAnonymised>(host, new ClientAnonymised(Guid.NewGuid(), host.Clock.GetUtcNow(), office, client.Id, "retention"));

        var full = await worker.GetFromJsonAsync<JsonObject>($"/api/referrals/{id}");
        Assert.Null(full!["message"]);
        Assert.All(full["history"]!.AsArray(), h => Assert.Null(h!["note"]));
        Assert.Equal("declined", full["status"]!.GetValue<string>());
        Assert.Equal("no_capacity", full["declineReason"]!.GetValue<string>());
        using (var link = await agency.GetAsync($"/api/referrals/agency/{secondToken}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, link.StatusCode);
        }

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            Assert.All(db.Referrals.Where(r => r.ClientId == client.Id.Value).ToList(), r => Assert.True(r.IsAnonymised));
        }

        using var supervisor = await host.ClientAsync(Roles.Supervisor);
        var report = await supervisor.GetFromJsonAsync<JsonObject>("/api/referrals/outcomes/?from=2026-11-01&to=2026-11-30");
        Assert.Equal(2, report!["total"]!["sent"]!.GetValue<int>());
        Assert.Equal(1, report["total"]!["declined"]!.GetValue<int>());
    }

    private static async Task DeliverAsync<THandler, TEvent>(ReferralsHost host, TEvent integrationEvent)
        where THandler : IIntegrationEventHandler<TEvent>
        where TEvent : IIntegrationEvent
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<THandler>().Handle(integrationEvent, default);
        await scope.ServiceProvider.GetRequiredService<ReferralsDbContext>().SaveChangesAsync();
    }
}
