using System.Net;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CaseWork.Host.Tests.Modules;

/// <summary>The host composes the modules it lists; <c>Modules:&lt;Name&gt;:Enabled=false</c> boots without one.</summary>
public sealed class ModuleSelectionTests
{
    [Fact]
    public async Task All_five_modules_are_composed_by_default()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));

        var modules = factory.Services.GetRequiredService<IReadOnlyList<IModule>>();

        Assert.Equal(["Clients", "Appointments", "Referrals", "DebtCounselling", "InterpreterBooking"], modules.Select(m => m.Name));
        Assert.Equal(["clients", "appointments", "referrals", "debt_counselling", "interpreter_booking"], modules.Select(m => m.Store.Schema));
    }

    [Fact]
    public async Task A_host_with_one_module_enabled_has_only_that_module_s_store_and_api()
    {
        using var directory = new TempDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Modules:Appointments:Enabled"] = "false",
            ["Modules:Referrals:Enabled"] = "false",
            ["Modules:DebtCounselling:Enabled"] = "false",
            ["Modules:InterpreterBooking:Enabled"] = "false",
        };
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path), settings);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(client, DemoUsers.Administrator);

        Assert.Equal(["Clients"], factory.Services.GetRequiredService<IReadOnlyList<IModule>>().Select(m => m.Name));
        Assert.True(File.Exists(Path.Combine(directory.Path, "clients.db")));
        Assert.False(File.Exists(Path.Combine(directory.Path, "appointments.db")));
        Assert.False(File.Exists(Path.Combine(directory.Path, "interpreter_booking.db")));

        using var enabled = await client.GetAsync("/api/clients/outbox");
        using var disabled = await client.GetAsync("/api/appointments/outbox");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
        await Readiness.WaitUntilReadyAsync(client);
    }
}
