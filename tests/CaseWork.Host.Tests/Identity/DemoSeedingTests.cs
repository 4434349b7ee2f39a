using CaseWork.BuildingBlocks.Identity;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Tests.Identity;

/// <summary>The demo office is seeded once, on an empty database, outside Production only.</summary>
public sealed class DemoSeedingTests
{
    [Fact]
    public async Task First_start_seeds_one_office_with_one_user_per_role_and_prints_them()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CaseWorkUser>>();
        var office = await db.Offices.SingleAsync();
        Assert.True(office.IsDemo);
        Assert.Equal("Europe/Berlin", office.TimeZone);
        foreach (var role in Roles.All)
        {
            var members = await users.GetUsersInRoleAsync(role);
            var member = Assert.Single(members);
            Assert.Equal(office.Id, member.OfficeId);
            Assert.False(string.IsNullOrWhiteSpace(member.DisplayName));
        }

        // The demo appointments' reminders name the room they are in (it is added in the same unit of work as they are).
        using var streetworker = await factory.SignedInClientAsync(await factory.DemoUserAsync(Roles.Streetworker));
        var outgoing = await streetworker.GetStringAsync("/api/appointments/outgoing");
        Assert.Contains("Beratungsraum 1", outgoing, StringComparison.Ordinal);

        var banner = factory.Services.GetRequiredService<StartupBanner>().Render(["http://localhost:5080"]);
        Assert.Contains(DemoUsers.Streetworker, banner, StringComparison.Ordinal);
        Assert.Contains(DemoUsers.Password, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_start_on_the_same_data_does_not_seed_again_nor_print_passwords()
    {
        using var directory = new TempDataDirectory();
        await using (var first = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path)))
        {
            _ = first.Server;
        }

        await using var second = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        _ = second.Server;

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        Assert.Equal(1, await db.Offices.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Users.CountAsync());
        var banner = second.Services.GetRequiredService<StartupBanner>().Render(["http://localhost:5080"]);
        Assert.Contains(DemoUsers.Streetworker, banner, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoUsers.Password, banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_a_real_office_gets_no_demo_office()
    {
        using var directory = new TempDataDirectory();
        await using (var setup = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path), new Dictionary<string, string?> { ["Seed:DemoOffice"] = "false" }))
        {
            await using var scope = setup.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
            db.Offices.Add(new Office { Id = Guid.CreateVersion7(), Name = "Integrationsberatung Nord", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path));
        _ = factory.Server;

        await using var check = factory.Services.CreateAsyncScope();
        var identity = check.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        var office = await identity.Offices.SingleAsync();
        Assert.Equal("Integrationsberatung Nord", office.Name);
        Assert.Equal(0, await identity.Users.CountAsync());
    }

    [Fact]
    public async Task Production_never_seeds_but_still_creates_the_roles()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new ProductionHostFactory(directory.Path);
        _ = factory.Server;

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
        Assert.Equal(0, await db.Offices.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }

    private sealed class ProductionHostFactory(string directory) : CaseWorkHostFactory(TestDatabases.Sqlite(directory))
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
