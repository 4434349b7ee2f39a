using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.TestKit;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>
/// Office-owned records are visible only to users of that office. The filter is part of the model, which EF Core
/// builds once per context type: it must read the office of each context instance, not of the first one.
/// </summary>
public abstract class OfficeScopeTests : TwoModuleTestBase
{
    private readonly OfficeId _north = OfficeId.New();
    private readonly OfficeId _south = OfficeId.New();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var host = await StartHostAsync();
        World.User.OfficeId = _north;
        await host.SendAsync(new CreateNote("north a"));
        await host.SendAsync(new CreateNote("north b"));
        World.User.OfficeId = _south;
        await host.SendAsync(new CreateNote("south a"));
    }

    [Fact]
    public async Task Each_context_sees_only_its_users_office()
    {
        // The north context is created and queried first, so the model is built while it is the current instance.
        await using var north = CreateContext(TestCurrentUser.Streetworker(_north));
        Assert.Equal(["north a", "north b"], await TitlesAsync(north));

        await using var south = CreateContext(TestCurrentUser.Streetworker(_south));
        Assert.Equal(["south a"], await TitlesAsync(south));

        // And again in the other order, on the same instances.
        Assert.Equal(["north a", "north b"], await TitlesAsync(north));
    }

    [Fact]
    public async Task A_user_without_an_office_sees_no_office_records()
    {
        await using var system = CreateContext(TestCurrentUser.System());
        await using var anonymous = CreateContext(null);

        Assert.Empty(await TitlesAsync(system));
        Assert.Empty(await TitlesAsync(anonymous));
        Assert.Equal(3, await system.Notes.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task A_user_of_another_office_sees_nothing()
    {
        await using var other = CreateContext(TestCurrentUser.Streetworker(OfficeId.New()));

        Assert.Empty(await TitlesAsync(other));
        Assert.Null(await other.Notes.FirstOrDefaultAsync(n => n.Title == "north a"));
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_user_when_it_goes_back_to_the_pool()
    {
        var host = await StartHostAsync();
        World.User.OfficeId = _north;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(["north a", "north b"], await TitlesAsync(scope.ServiceProvider.GetRequiredService<SenderDbContext>()));
        }

        // Leased straight from the pool, without the container binding a user: the north user must be gone.
        await using var leased = await host.Services.GetRequiredService<IDbContextFactory<SenderDbContext>>().CreateDbContextAsync();
        Assert.Empty(await TitlesAsync(leased));

        // And a lease through the container is bound to whoever asks now.
        World.User.OfficeId = _south;
        await using var scope2 = host.Services.CreateAsyncScope();
        Assert.Equal(["south a"], await TitlesAsync(scope2.ServiceProvider.GetRequiredService<SenderDbContext>()));
    }

    [Fact]
    public async Task Queries_through_the_handlers_are_scoped_too()
    {
        var host = await StartHostAsync();

        World.User.OfficeId = _north;
        Assert.Equal(["north a", "north b"], (await host.QueryAsync(new ListNoteTitles())).Value);

        World.User.OfficeId = _south;
        Assert.Equal(["south a"], (await host.QueryAsync(new ListNoteTitles())).Value);
    }

    private static async Task<List<string>> TitlesAsync(SenderDbContext db) =>
        await db.Notes.OrderBy(n => n.Title).Select(n => n.Title).ToListAsync();

    private SenderDbContext CreateContext(TestCurrentUser? user) =>
        new SenderDbContext(StoreOptions.For<SenderDbContext>(Database, SenderDbContext.StoreDescriptor)).WithCurrentUser(user);

    public sealed class OnSqlite : OfficeScopeTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    }

    public sealed class OnPostgres : OfficeScopeTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
