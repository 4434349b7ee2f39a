using System.Net;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Tests.Admin;

/// <summary>The administrators' system status page: outboxes per module and the audit chain's verification.</summary>
public sealed class SystemPageTests
{
    [Fact]
    public async Task Administrator_sees_every_module_outbox_and_an_intact_audit_chain()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        await AppendAuditEntriesAsync(factory, 3);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, DemoUsers.Administrator);

        var start = await client.GetStringAsync("/");
        Assert.Contains("href=\"/Admin/System\"", start, StringComparison.Ordinal);
        var page = await client.GetStringAsync("/Admin/System");

        foreach (var module in new[] { "Klient*innen", "Termine", "Weitervermittlungen", "Schuldnerberatung", "Sprachmittlung" })
        {
            Assert.Contains($"<th scope=\"row\">{module}</th>", page, StringComparison.Ordinal);
        }

        Assert.Contains("vollständig und unverändert (3 Einträge geprüft)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_audit_entry_is_reported()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        await AppendAuditEntriesAsync(factory, 3);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // An attacker with file access: drop the append-only trigger, then rewrite an entry.
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_entries_no_update");
            await db.Database.ExecuteSqlRawAsync("UPDATE audit_entries SET record_id = 'someone-else' WHERE sequence = 2");
        }

        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, DemoUsers.Administrator);
        var page = await client.GetStringAsync("/Admin/System");

        Assert.Contains("wurde verändert oder gekürzt", page, StringComparison.Ordinal);
        Assert.Contains("Entry 2 was modified", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoUsers.Streetworker)]
    [InlineData(DemoUsers.Supervisor)]
    [InlineData(DemoUsers.Interpreter)]
    public async Task Other_roles_are_denied(string user)
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, user);

        using var response = await client.GetAsync("/Admin/System");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var start = await client.GetStringAsync("/");
        Assert.DoesNotContain("/Admin/System", start, StringComparison.Ordinal);
    }

    private static async Task AppendAuditEntriesAsync(CaseWorkHostFactory factory, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditRecord("Clients", AuditAction.Read, "Client", $"client-{i}"));
        }
    }
}
