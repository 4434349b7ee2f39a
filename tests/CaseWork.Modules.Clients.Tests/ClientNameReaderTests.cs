using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Directory;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Tests.Domain;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Tests;

/// <summary>
/// The hand-written name lookup behind the directory's display names and initials (ADR 0040) answers exactly what the entity
/// query answers — the record's own names, a merged record's survivor's, the anonymised placeholder — on both providers,
/// for the office asked only, whatever is asked: unknown ids, duplicates, nothing, more ids than one SQLite statement binds.
/// </summary>
public sealed class ClientNameReaderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Names_and_initials_equal_the_entity_query_for_every_kind_of_record(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "client_names");
        await using var db = await MigratedAsync(database);
        var office = OfficeId.New();
        var elsewhere = OfficeId.New();
        var full = Register(office, DomainFixtures.Details());
        var cyrillic = Register(office, DomainFixtures.Details("Олена", "Коваль", "Olena", "Koval"));
        var anonymised = Register(office, DomainFixtures.Details("Ion", "Popescu", "Ion", "Popescu"));
        anonymised.Anonymise("erasure request", Start.AddDays(1));
        var survivor = Register(office, DomainFixtures.Details("Amina", "Hassan", "Amina", "Hassan"));
        var merged = Register(office, DomainFixtures.Details("Amina", "Hasan", "Amina", "Hasan"));
        merged.MergeInto(survivor);
        var erasedSurvivor = Register(office, DomainFixtures.Details("Ali", "Rahimi", "Ali", "Rahimi"));
        var mergedIntoErased = Register(office, DomainFixtures.Details("Ali", "Rahimy", "Ali", "Rahimy"));
        mergedIntoErased.MergeInto(erasedSurvivor);
        erasedSurvivor.Anonymise("erasure request", Start.AddDays(2));
        var otherOffice = Register(elsewhere, DomainFixtures.Details("Yusuf", "Demir", "Yusuf", "Demir"));
        var survivorElsewhere = Register(elsewhere, DomainFixtures.Details("Sara", "Ahmadi", "Sara", "Ahmadi"));
        var mergedAcrossOffices = Register(office, DomainFixtures.Details("Sara", "Ahmady", "Sara", "Ahmady"));
        mergedAcrossOffices.MergeInto(survivorElsewhere);
        db.Clients.AddRange(full, cyrillic, anonymised, survivor, merged, erasedSurvivor, mergedIntoErased, otherOffice, survivorElsewhere, mergedAcrossOffices);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var directory = new ClientDirectory(db);

        var everyone = new[] { full, cyrillic, anonymised, survivor, merged, erasedSurvivor, mergedIntoErased, otherOffice, survivorElsewhere, mergedAcrossOffices }
            .Select(c => c.Id).ToList();
        ClientId[][] questions =
        [
            [.. everyone],
            [.. everyone, ClientId.New(), full.Id, merged.Id, full.Id],
            [ClientId.New(), ClientId.New()],
            [],
            [otherOffice.Id],
            // More ids than one SQLite statement binds, the known ones in the last chunk.
            [.. Enumerable.Range(0, (2 * ClientNameReader.SqliteIdsPerStatement) + 17).Select(_ => ClientId.New()), .. everyone],
        ];
        foreach (var asked in questions)
        {
            foreach (var (forOffice, label) in new[] { (office, "office"), (elsewhere, "elsewhere"), (OfficeId.New(), "unknown office") })
            {
                var (expectedNames, expectedInitials) = await ExpectedAsync(db, forOffice, asked);
                var names = await directory.GetDisplayNamesAsync(forOffice, asked, CancellationToken.None);
                var initials = await directory.GetInitialsAsync(forOffice, asked, CancellationToken.None);

                Assert.Equal(Sorted(expectedNames), Sorted(names));
                Assert.Equal(Sorted(expectedInitials), Sorted(initials));
                Assert.True(label != "unknown office" || names.Count == 0, label);
            }
        }

        // The comparison above is not empty-handed: what the office sees, spelled out.
        var shown = await directory.GetDisplayNamesAsync(office, everyone, CancellationToken.None);
        Assert.Equal(
            new Dictionary<ClientId, string>
            {
                [full.Id] = "Mohammed Al-Ahmad",
                [cyrillic.Id] = "Olena Koval",
                [anonymised.Id] = Client.AnonymisedName,
                [survivor.Id] = "Amina Hassan",
                [merged.Id] = "Amina Hassan",
                [erasedSurvivor.Id] = Client.AnonymisedName,
                [mergedIntoErased.Id] = Client.AnonymisedName,
            },
            shown);
        var initialsShown = await directory.GetInitialsAsync(office, everyone, CancellationToken.None);
        Assert.Equal(
            new Dictionary<ClientId, string> { [full.Id] = "M.A.", [cyrillic.Id] = "O.K.", [survivor.Id] = "A.H.", [merged.Id] = "A.H." },
            initialsShown);
        Assert.Equal(
            new Dictionary<ClientId, string> { [otherOffice.Id] = "Yusuf Demir", [survivorElsewhere.Id] = "Sara Ahmadi" },
            await directory.GetDisplayNamesAsync(elsewhere, everyone, CancellationToken.None));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reads_inside_the_callers_open_connection_and_transaction_and_leaves_them_open(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "client_names");
        await using var db = await MigratedAsync(database);
        var office = OfficeId.New();
        var client = Register(office, DomainFixtures.Details());
        db.Clients.Add(client);
        await db.SaveChangesAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            // Registered inside the transaction, not committed: only a read on the same connection and transaction sees it.
            var uncommitted = Register(office, DomainFixtures.Details("Olena", "Коваль", "Olena", "Koval"));
            db.Clients.Add(uncommitted);
            await db.SaveChangesAsync();

            var names = await ClientNameReader.ReadAsync(db, office, [client.Id, uncommitted.Id], CancellationToken.None);

            Assert.Equal(["Mohammed Al-Ahmad", "Olena Koval"], names.Values.Select(n => n.DisplayName).Order());
            Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
            await transaction.RollbackAsync();
        }

        Assert.Single(await ClientNameReader.ReadAsync(db, office, [client.Id, ClientId.New()], CancellationToken.None));
    }

    /// <summary>The reference: the entities as the mapping reads them, a merged record followed to its survivor in the same office.</summary>
    private static async Task<(Dictionary<ClientId, string> Names, Dictionary<ClientId, string> Initials)> ExpectedAsync(
        ClientsDbContext db, OfficeId office, IReadOnlyCollection<ClientId> asked)
    {
        var ids = asked.Distinct().ToList();
        var clients = db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.OfficeId == office);
        var records = await clients.Where(c => ids.Contains(c.Id)).ToListAsync();
        var names = new Dictionary<ClientId, string>();
        var initials = new Dictionary<ClientId, string>();
        foreach (var record in records)
        {
            var shown = record is { State: ClientState.Merged, MergedInto: { } survivor }
                ? await clients.SingleOrDefaultAsync(c => c.Id == survivor)
                : record;
            if (shown is null)
            {
                continue;
            }

            names[record.Id] = shown.DisplayName;
            if (!shown.IsAnonymised)
            {
                initials[record.Id] = shown.Initials;
            }
        }

        return (names, initials);
    }

    private static List<KeyValuePair<ClientId, string>> Sorted(IReadOnlyDictionary<ClientId, string> map) => [.. map.OrderBy(p => p.Key.Value)];

    private static Client Register(OfficeId office, ClientDetails details) => Client.Register(office, details, Start, PseudonymCode.New());

    private static async Task<ClientsDbContext> MigratedAsync(ThrowawayDatabase database)
    {
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        options.UseCaseWorkStore(database.Options, ClientsDbContext.StoreDescriptor);
        var db = new ClientsDbContext(options.Options);
        await db.Database.MigrateAsync();
        return db;
    }
}
