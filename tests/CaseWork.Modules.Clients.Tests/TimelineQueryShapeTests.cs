using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.ReadCaseFile;
using CaseWork.Modules.Clients.Features.SearchClients;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Tests;

/// <summary>
/// The name search is one query, on the index each provider has for it (ADR 0012); a timeline page is read in index order,
/// newest first with the id as tie-break, without sorting the client's notes (ADR 0027).
/// </summary>
public sealed class TimelineQueryShapeTests
{
    [Fact]
    public void On_PostgreSQL_a_name_search_is_a_LIKE_on_the_trigram_indexed_key()
    {
        using var db = Context(DatabaseProvider.Postgres);

        var sql = ClientSearch.Query(db, "Mohammed Ahmad", allowNames: true).Take(20).ToQueryString();

        Assert.True(sql.Contains("search_key LIKE", StringComparison.Ordinal), sql);
        Assert.DoesNotContain("client_search_terms", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void On_SQLite_a_name_search_is_a_range_over_the_search_terms()
    {
        using var db = Context(DatabaseProvider.Sqlite);

        var sql = ClientSearch.Query(db, "Mohammed", allowNames: true).Take(20).ToQueryString();

        Assert.True(sql.Contains("client_search_terms", StringComparison.Ordinal), sql);
        Assert.Contains("\"term\" >=", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIKE", sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_SQLite_each_search_range_is_read_from_the_office_term_index()
    {
        // With "range OR range" SQLite reads every search term of the office; the two ranges must each use the index.
        using var folder = new TempDataDirectory();
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        options.UseCaseWorkStore(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder.Path }, ClientsDbContext.StoreDescriptor);
        await using (var db = new ClientsDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(OfficeId.New())))
        {
            await db.Database.MigrateAsync();
            var command = ClientSearch.Query(db, "Mohammed", allowNames: true).Take(20).ToQueryString();
            var plan = await SqlitePlans.ExplainAsync(db, command);

            Assert.Equal(2, plan.Count(row => row.Contains("ix_client_search_terms_office_term (office_id=? AND term>? AND term<?)", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, row => row.Contains("SCAN client_search_terms", StringComparison.Ordinal));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task On_SQLite_a_timeline_page_is_read_in_index_order_without_a_sort()
    {
        using var folder = new TempDataDirectory();
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        options.UseCaseWorkStore(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = folder.Path }, ClientsDbContext.StoreDescriptor);
        await using (var db = new ClientsDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(OfficeId.New())))
        {
            await db.Database.MigrateAsync();
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var filter in new ITimelineFilter[]
                     {
                         new ReadTimeline(ClientId.New()),
                         new ReadTimeline(ClientId.New(), Before: DateTimeOffset.UtcNow),
                         new ReadTimeline(ClientId.New(), Before: DateTimeOffset.UtcNow, BeforeId: Guid.NewGuid()),
                         new ReadTimeline(ClientId.New(), NoteType: "PhoneCall", Topic: "housing"),
                     })
            {
                await using var command = connection.CreateCommand();
                var notesStatement = TimelineReader.Sql(postgres: false, filter, command, ReadCaseFile.TimelinePageSize).Split(";\n")[1];
                command.Parameters.AddWithValue("@id", Guid.NewGuid().ToString().ToUpperInvariant());
                command.Parameters.AddWithValue("@office", Guid.NewGuid().ToString().ToUpperInvariant());
                command.CommandText = "EXPLAIN QUERY PLAN " + notesStatement;
                var plan = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        plan.Add(reader.GetString(3));
                    }
                }

                Assert.Contains(plan, row => row.Contains("ix_case_notes_client_occurred_at_id (client_id=?", StringComparison.Ordinal));
                Assert.DoesNotContain(plan, row => row.Contains("TEMP B-TREE", StringComparison.Ordinal));
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static ClientsDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        var database = provider == DatabaseProvider.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=shape" }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = Path.GetTempPath() };
        options.UseCaseWorkStore(database, ClientsDbContext.StoreDescriptor);
        return new ClientsDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(OfficeId.New()));
    }
}
