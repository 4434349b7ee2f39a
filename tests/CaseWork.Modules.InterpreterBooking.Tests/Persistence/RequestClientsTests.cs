using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CaseWork.Modules.InterpreterBooking.Tests.Persistence;

/// <summary>
/// A client's requests are found through <c>request_clients</c> (ADR 0056), not by searching the requests' JSON client
/// lists: the rows follow every change of a list, stay in their office, and the migration fills them from the lists already
/// stored.
/// </summary>
public sealed class RequestClientsTests
{
    private const string Before = "20261207210000_UnredactedNotificationsByOffice";
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_rows_follow_every_change_of_a_request_s_clients(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "reqclients");
        var office = OfficeId.New();
        var neighbour = OfficeId.New();
        Guid amira = Guid.NewGuid(), bilal = Guid.NewGuid(), chiara = Guid.NewGuid();
        var both = Request(office, amira, bilal);
        var bilalOnly = Request(office, bilal);
        var nobody = Request(office);
        var elsewhere = Request(neighbour, bilal);

        await using (var db = Context(database, office))
        {
            await db.Database.MigrateAsync();
            db.Requests.AddRange(both, bilalOnly, nobody, elsewhere);
            await db.SaveChangesAsync();
        }

        Assert.Equal(Pairs((both.Id, amira), (both.Id, bilal), (bilalOnly.Id, bilal), (elsewhere.Id, bilal)), await RowsAsync(database));
        Assert.Equal(Ids(both, bilalOnly), await FoundAsync(database, office, bilal));
        Assert.Equal(Ids(elsewhere), await FoundAsync(database, neighbour, bilal));
        Assert.Equal(Ids(both), await FoundAsync(database, office, amira));

        // The appointment's clients change (Amira leaves, Chiara joins); another client is anonymised.
        await using (var db = Context(database, office))
        {
            var loaded = await db.RequestsWithClientAsync(bilal, default);
            loaded.Single(r => r.Id == both.Id).ReplaceClients([bilal, chiara]);
            loaded.Single(r => r.Id == bilalOnly.Id).ForgetClient(bilal);
            await db.SaveChangesAsync();
        }

        Assert.Equal(Pairs((both.Id, bilal), (both.Id, chiara), (elsewhere.Id, bilal)), await RowsAsync(database));
        Assert.Empty(await FoundAsync(database, office, amira));
        Assert.Equal(Ids(both), await FoundAsync(database, office, bilal));
        Assert.Equal(Ids(both), await FoundAsync(database, office, chiara));

        // Lost and regained in one save, and a save that changes something else: the rows stay as they are.
        await using (var db = Context(database, office))
        {
            var loaded = (await db.RequestsWithClientAsync(chiara, default)).Single();
            loaded.ForgetClient(chiara);
            db.ChangeTracker.DetectChanges();
            loaded.ReplaceClients([bilal, chiara]);
            db.Entry(loaded).Property(r => r.Notes).CurrentValue = "Bitte klingeln";
            await db.SaveChangesAsync();
        }

        Assert.Equal(Pairs((both.Id, bilal), (both.Id, chiara), (elsewhere.Id, bilal)), await RowsAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_migration_fills_the_rows_from_the_client_lists_already_stored(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "reqbackfill");
        var office = OfficeId.New();
        Guid amira = Guid.NewGuid(), bilal = Guid.NewGuid();
        var both = Request(office, amira, bilal);
        var bilalOnly = Request(office, bilal);
        await using (var db = Context(database, office))
        {
            await db.Database.MigrateAsync();
            db.Requests.AddRange(both, bilalOnly, Request(office));
            await db.SaveChangesAsync();

            // Back to the store before the table (dropping it), then up again: the rows come from the JSON lists alone.
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(Before);
            await migrator.MigrateAsync();
        }

        Assert.Equal(Pairs((both.Id, amira), (both.Id, bilal), (bilalOnly.Id, bilal)), await RowsAsync(database));
        Assert.Equal(Ids(both, bilalOnly), await FoundAsync(database, office, bilal));
        Assert.Equal(Ids(both), await FoundAsync(database, office, amira));
    }

    private static InterpreterRequest Request(OfficeId office, params Guid[] clients)
    {
        var start = Now.AddDays(7);
        var worker = UserId.New();
        return InterpreterRequest.Create(office, null, clients, "ar", null, Modality.InPerson, start, start.AddMinutes(90),
            "Raum 1", "Neukölln", SubjectArea.Housing, null, null, worker, worker, BookingPolicy.Default(office), Now);
    }

    private static InterpreterBookingDbContext Context(ThrowawayDatabase database, OfficeId office)
    {
        var options = new DbContextOptionsBuilder<InterpreterBookingDbContext>();
        options.UseCaseWorkStore(database.Options, InterpreterBookingDbContext.StoreDescriptor);
        return new InterpreterBookingDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(office));
    }

    private static async Task<List<(Guid Request, Guid Client)>> RowsAsync(ThrowawayDatabase database)
    {
        await using var db = Context(database, OfficeId.New());
        var rows = await db.RequestClients.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        SqliteConnection.ClearAllPools();
        return [.. rows.Select(r => (r.RequestId, r.ClientId)).Order()];
    }

    private static async Task<List<Guid>> FoundAsync(ThrowawayDatabase database, OfficeId office, Guid client)
    {
        await using var db = Context(database, office);
        var found = await db.RequestsWithClientAsync(client, default);
        return [.. found.Select(r => r.Id).Order()];
    }

    private static List<(Guid Request, Guid Client)> Pairs(params (Guid Request, Guid Client)[] pairs) => [.. pairs.Order()];

    private static List<Guid> Ids(params InterpreterRequest[] requests) => [.. requests.Select(r => r.Id).Order()];
}
