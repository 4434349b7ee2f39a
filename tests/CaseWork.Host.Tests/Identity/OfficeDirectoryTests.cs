using System.Net;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Host.Identity;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.Host.Tests.Identity;

public sealed class OfficeDirectoryTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private CaseWorkHostFactory _host = null!;

    public Task InitializeAsync()
    {
        _host = new CaseWorkHostFactory(TestDatabases.Sqlite(_directory.Path));
        _host.CreateClient().Dispose();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Lists_an_office_s_staff_by_role_and_never_another_office_s()
    {
        var other = await _host.CreateOfficeAsync("Streetwork Nord");
        var worker = await _host.CreateUserAsync(other, Roles.Streetworker, "Aylin Kaya");
        await _host.CreateUserAsync(other, Roles.Supervisor, "Jonas Weber");

        await using var scope = _host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOfficeDirectory>();

        var streetworkers = await directory.GetStaffAsync(other, Roles.Streetworker, CancellationToken.None);
        Assert.Equal(["Aylin Kaya"], streetworkers.Select(s => s.DisplayName));
        Assert.Equal([Roles.Streetworker], streetworkers[0].Roles);
        Assert.Equal(2, (await directory.GetStaffAsync(other, null, CancellationToken.None)).Count);
        Assert.Equal("Streetwork Nord", (await directory.GetOfficeAsync(other, CancellationToken.None))?.Name);
        Assert.Equal(worker.Id, (await directory.GetUserAsync(worker.Id, CancellationToken.None))?.Id);

        var demo = await _host.DemoOfficeAsync();
        Assert.DoesNotContain(await directory.GetStaffAsync(demo, null, CancellationToken.None), s => s.OfficeId == other);
        Assert.Null(await directory.GetOfficeAsync(OfficeId.New(), CancellationToken.None));
        Assert.Null(await directory.GetUserAsync(UserId.New(), CancellationToken.None));

        // By e-mail: letter case does not matter, and another office's user is not found.
        Assert.Equal(worker.Id, (await directory.FindStaffByEmailAsync(other, worker.UserName.ToUpperInvariant(), CancellationToken.None))?.Id);
        Assert.Null(await directory.FindStaffByEmailAsync(demo, worker.UserName, CancellationToken.None));
        Assert.Null(await directory.FindStaffByEmailAsync(other, "niemand@test.invalid", CancellationToken.None));
    }

    [Fact]
    public async Task Several_users_are_found_at_once_across_offices_with_their_roles_and_unknown_ids_are_left_out()
    {
        var north = await _host.CreateOfficeAsync("Streetwork Nord-Ost");
        var south = await _host.CreateOfficeAsync("Streetwork Süd-West");
        var worker = await _host.CreateUserAsync(north, Roles.Streetworker, "Aylin Kaya");
        var supervisor = await _host.CreateUserAsync(south, Roles.Supervisor, "Jonas Weber");
        var unknown = UserId.New();

        await using var scope = _host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOfficeDirectory>();
        var found = await directory.GetUsersAsync([worker.Id, supervisor.Id, unknown, worker.Id], CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal("Aylin Kaya", found[worker.Id].DisplayName);
        Assert.Equal(north, found[worker.Id].OfficeId);
        Assert.Equal([Roles.Supervisor], found[supervisor.Id].Roles);
        Assert.False(found.ContainsKey(unknown));
        Assert.Empty(await directory.GetUsersAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task An_office_asked_for_before_it_exists_is_found_once_it_does()
    {
        // Offices are cached once read; a miss must not be, or an office created a moment later would stay unknown.
        await using var scope = _host.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<IOfficeDirectory>();
        var before = await _host.CreateOfficeAsync("Streetwork Mitte");
        Assert.Equal("Streetwork Mitte", (await directory.GetOfficeAsync(before, CancellationToken.None))?.Name);
        Assert.Equal("Streetwork Mitte", (await directory.GetOfficeAsync(before, CancellationToken.None))?.Name);

        var later = OfficeId.New();
        Assert.Null(await directory.GetOfficeAsync(later, CancellationToken.None));
        await _host.CreateOfficeAsync("Streetwork West", later);

        await using var next = _host.Services.CreateAsyncScope();
        var again = next.ServiceProvider.GetRequiredService<IOfficeDirectory>();
        Assert.Equal("Streetwork West", (await again.GetOfficeAsync(later, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task A_contact_s_changed_name_and_address_show_after_at_most_the_contact_lifetime_and_users_are_always_read_fresh()
    {
        // Its own host with a clock the test moves: the bound is measured on the host's TimeProvider.
        using var directory = new TempDataDirectory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path)) { ConfigureTestServices = s => s.AddSingleton<TimeProvider>(clock) };
        host.CreateClient().Dispose();
        var office = await host.DemoOfficeAsync();
        var worker = await host.CreateUserAsync(office, Roles.Streetworker, "Aylin Kaya");
        var unknown = UserId.New();

        async Task<IReadOnlyDictionary<UserId, StaffContact>> ContactsAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IOfficeDirectory>().GetContactsAsync([worker.Id, unknown, worker.Id], CancellationToken.None);
        }

        async Task<StaffMember?> UserAsync()
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IOfficeDirectory>().GetUserAsync(worker.Id, CancellationToken.None);
        }

        var first = await ContactsAsync();
        Assert.Equal([worker.Id], first.Keys);
        Assert.Equal("Aylin Kaya", first[worker.Id].DisplayName);
        Assert.Equal(worker.UserName, first[worker.Id].Email);

        // Changed in the store (nothing in CaseWork renames a user today; an administrator's database tool could).
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IdentityStoreDbContext>();
            await store.Users.Where(u => u.Id == worker.Id.Value)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Aylin Demir").SetProperty(x => x.Email, "a.demir@test.invalid"));
        }

        // A user (with roles) is always read fresh; the contact copy may be as old as the bound, never older.
        Assert.Equal("Aylin Demir", (await UserAsync())?.DisplayName);
        clock.Advance(OfficeDirectory.ContactLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("Aylin Kaya", (await ContactsAsync())[worker.Id].DisplayName);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await ContactsAsync();
        Assert.Equal("Aylin Demir", later[worker.Id].DisplayName);
        Assert.Equal("a.demir@test.invalid", later[worker.Id].Email);

        Assert.False(later.ContainsKey(unknown));
    }

    [Fact]
    public async Task A_created_user_and_a_demo_user_can_sign_in()
    {
        var office = await _host.CreateOfficeAsync("Streetwork Süd");
        using var created = await _host.SignedInClientAsync(await _host.CreateUserAsync(office, Roles.Streetworker));
        using var demo = await _host.SignedInClientAsync(await _host.DemoUserAsync(Roles.Supervisor));

        Assert.Equal(HttpStatusCode.OK, (await created.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
