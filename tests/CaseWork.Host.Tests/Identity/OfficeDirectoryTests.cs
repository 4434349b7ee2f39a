using System.Net;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.TestKit;
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
    public async Task A_created_user_and_a_demo_user_can_sign_in()
    {
        var office = await _host.CreateOfficeAsync("Streetwork Süd");
        using var created = await _host.SignedInClientAsync(await _host.CreateUserAsync(office, Roles.Streetworker));
        using var demo = await _host.SignedInClientAsync(await _host.DemoUserAsync(Roles.Supervisor));

        Assert.Equal(HttpStatusCode.OK, (await created.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
