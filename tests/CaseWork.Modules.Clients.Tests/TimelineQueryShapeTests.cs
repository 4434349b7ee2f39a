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
/// The case file's latest 50 notes are one range query on (client_id, occurred_at), never a ROW_NUMBER over the whole
/// notes table (what EF makes of Take inside a collection projection); the name search is one query.
/// </summary>
public sealed class TimelineQueryShapeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void The_timeline_is_read_newest_first_with_a_limit_and_no_window_function(DatabaseProvider provider)
    {
        using var db = Context(provider);

        var sql = ReadCaseFileHandler.Timeline(db, ClientId.New(), new ReadCaseFile(ClientId.New(), "PhoneCall", "housing"))
            .Take(ReadCaseFile.TimelinePageSize + 1).ToQueryString();

        Assert.DoesNotContain("ROW_NUMBER", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT", sql, StringComparison.Ordinal);
    }

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

    private static ClientsDbContext Context(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        var database = provider == DatabaseProvider.Postgres
            ? new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=shape" }
            : new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = Path.GetTempPath() };
        options.UseCaseWorkStore(database, ClientsDbContext.StoreDescriptor);
        return new ClientsDbContext(options.Options, TestCurrentUser.Streetworker(OfficeId.New()));
    }
}
