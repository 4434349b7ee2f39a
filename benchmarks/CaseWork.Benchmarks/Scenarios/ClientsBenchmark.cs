using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using CaseWork.Benchmarks.Load;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CaseWork.Benchmarks.Load.BareSql;

namespace CaseWork.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>clients</c> (issue 3): client search and case-file read through the real, signed-in, office-scoped and
/// audited endpoints, next to bare ADO.NET endpoints running the same lookup on the same data in the same host — the
/// limit. Data: <c>--clients</c> (100,000) clients with <c>--notes-per-client</c> (10) notes each, names in German,
/// Arabic, Persian, Ukrainian, Romanian and Bulgarian script, written through the domain so search keys are real.
/// Search semantics measured: PostgreSQL <c>LIKE '% word%'</c> over the trigram index on <c>search_key</c>; SQLite a
/// B-tree prefix range over <c>client_search_terms</c> (ADR 0012).
/// </summary>
internal static class ClientsBenchmark
{
    private static readonly string[] Locales = ["de", "ar", "fa", "uk", "ro", "ru", "tr"];

    public static async Task RunAsync(string[] args)
    {
        var clients = Cli.Int(args, "--clients", 100_000);
        var notesPerClient = Cli.Int(args, "--notes-per-client", 10);
        var connections = Cli.Int(args, "--connections", 16);
        var seconds = Cli.Int(args, "--seconds", 15);
        var postgresAdmin = Cli.Value(args, "--postgres");
        // --reads search,timeline,case-file (default all): measure only some reads, e.g. one while a profiler is attached.
        var reads = (Cli.Value(args, "--reads") ?? "search,timeline,case-file").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var results = new List<LoadResult>();
        var comparisons = new List<LoadComparison>();

        // --keep: the generated data stays (SQLite file under /tmp/casework-bench, PostgreSQL database by size) and the
        // next run with the same sizes measures on it without generating again.
        var keep = Cli.Flag(args, "--keep");
        var keptName = $"clients_{clients}x{notesPerClient}";
        if (Cli.Value(args, "--only") is not "postgres")
        {
            using var scratch = new TempDataDirectory();
            var folder = keep ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casework-bench", keptName)).FullName : scratch.Path;
            await RunProviderAsync("SQLite", TestDatabases.Sqlite(folder), clients, notesPerClient, connections, seconds, reads, results, comparisons);
            SqliteConnection.ClearAllPools();
        }

        if (postgresAdmin is not null && Cli.Value(args, "--only") is not "sqlite")
        {
            var connection = keep
                ? await PostgresScratch.KeptAsync(postgresAdmin, "cw_bench_" + keptName)
                : await PostgresScratch.CreateAsync(postgresAdmin, "clients", maxPoolSize: 8);
            try
            {
                await RunProviderAsync("PostgreSQL", TestDatabases.Postgres(connection), clients, notesPerClient, connections, seconds, reads, results, comparisons);
            }
            finally
            {
                if (keep)
                {
                    NpgsqlConnection.ClearAllPools();
                }
                else
                {
                    await PostgresScratch.DropAsync(postgresAdmin, connection);
                }
            }
        }

        Console.WriteLine();
        LoadReport.Print(results, comparisons);
    }

    private static async Task RunProviderAsync(
        string provider, DatabaseOptions database, int clients, int notesPerClient, int connections, int seconds, string[] reads,
        List<LoadResult> results, List<LoadComparison> comparisons)
    {
        BareLookup? bare = null;
        await using var host = BenchmarkHost.Start(database, app => app.Run(context => bare!.HandleAsync(context)));
        var office = await host.Factory.DemoOfficeAsync();
        var sample = await ExistingSampleAsync(host, clients) ?? await GenerateAsync(host, office, provider, clients, notesPerClient);
        bare = await BareLookup.CreateAsync(host, office);

        using var http = await host.ClientAsync(connections, DemoUsers.Streetworker);
        var warmup = TimeSpan.FromSeconds(3);
        var measure = TimeSpan.FromSeconds(seconds);
        string Term(long i) => sample.Terms[(int)(i % sample.Terms.Count)];
        string Id(long i) => sample.ClientIds[(int)(i % sample.ClientIds.Count)].ToString();

        if (reads.Contains("search"))
        {
            var (search, bareSearch) = await LoadComparer.RunAsync(provider, http,
                new LoadTarget("GET /api/clients?term=", LoadReport.Get(i => $"/api/clients?term={Uri.EscapeDataString(Term(i))}")),
                new LoadTarget("bare search (ADO.NET)", LoadReport.Get(i => $"/bench/search?term={Uri.EscapeDataString(Term(i))}")),
                connections, warmup, measure);
            results.AddRange([bareSearch, search]);
            comparisons.Add(new LoadComparison(search, bareSearch, 0.6, 1.5));
        }

        // The issue's case-file read is "client + latest 50 notes, audit entry written": the timeline endpoint, the same
        // lookup as the bare one. The whole case file (also needs, goals, consents, dates) is measured next to it as well.
        if (reads.Contains("timeline"))
        {
            var (timeline, bareTimeline) = await LoadComparer.RunAsync(provider, http,
                new LoadTarget("GET /api/clients/{id}/timeline", LoadReport.Get(i => $"/api/clients/{Id(i)}/timeline")),
                new LoadTarget("bare client + 50 notes (ADO.NET)", LoadReport.Get(i => $"/bench/case-file?id={Id(i)}")),
                connections, warmup, measure);
            results.AddRange([bareTimeline, timeline]);
            comparisons.Add(new LoadComparison(timeline, bareTimeline, 0.4, 3.0));
        }

        if (reads.Contains("case-file"))
        {
            var (caseFile, bareCaseFile) = await LoadComparer.RunAsync(provider, http,
                new LoadTarget("GET /api/clients/{id}/case-file", LoadReport.Get(i => $"/api/clients/{Id(i)}/case-file")),
                new LoadTarget("bare client + 50 notes (ADO.NET)", LoadReport.Get(i => $"/bench/case-file?id={Id(i)}")),
                connections, warmup, measure);
            results.AddRange([bareCaseFile, caseFile]);
            comparisons.Add(new LoadComparison(caseFile, bareCaseFile, 0.4, 3.0));
        }
    }

    private sealed record Sample(IReadOnlyList<string> Terms, IReadOnlyList<Guid> ClientIds);

    /// <summary>The sample from data kept by an earlier run, or null when there is not enough data yet.</summary>
    private static async Task<Sample?> ExistingSampleAsync(BenchmarkHost host, int clients)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
        if (await db.Clients.IgnoreQueryFilters().CountAsync() < clients)
        {
            return null;
        }

        var rows = await db.Clients.IgnoreQueryFilters().OrderBy(c => c.PseudonymCode).Take(clients / 97)
            .Select(c => new { c.Id, c.FamilyNamesLatin }).ToListAsync();
        Console.WriteLine($"reusing {clients:N0} clients kept by an earlier run");
        return new Sample(
            [.. rows.Where(r => r.FamilyNamesLatin.Length >= 4).Select(r => r.FamilyNamesLatin[..4])],
            [.. rows.Select(r => r.Id.Value)]);
    }

    /// <summary>Writes the clients through the domain in batches; prints how long it took.</summary>
    private static async Task<Sample> GenerateAsync(BenchmarkHost host, OfficeId office, string provider, int clients, int notesPerClient)
    {
        var started = Stopwatch.StartNew();
        Randomizer.Seed = new Random(20261122);
        var fakers = Locales.Select(l => new Faker(l)).ToArray();
        var noteFaker = new Faker("de");
        var terms = new List<string>();
        var ids = new List<Guid>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var noteTypes = Enum.GetValues<NoteType>();
        const int batch = 2_000;
        for (var done = 0; done < clients; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(clients, done + batch); i++)
            {
                var faker = fakers[i % fakers.Length];
                var gender = faker.Random.Bool() ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female;
                var born = faker.Random.Int(0, 9) == 0
                    ? DateOfBirth.YearOnly(faker.Random.Int(1950, 2008))
                    : DateOfBirth.Full(DateOnly.FromDateTime(faker.Date.Between(new DateTime(1950, 1, 1), new DateTime(2008, 12, 31))));
                var details = new ClientDetails(
                    faker.Name.FirstName(gender), faker.Name.LastName(gender), null, null, [], born,
                    gender == Bogus.DataSets.Name.Gender.Male ? StatedGender.Male : StatedGender.Female, [], [], null,
                    InterpreterPreferences.None, [], ReminderChannelKind.None, ResidenceStatusKind.Unknown, null, HousingSituation.Unknown, []);
                // Registration draws again when a code is taken (unique per office); so does the generator.
                var code = PseudonymCode.New();
                while (!codes.Add(code))
                {
                    code = PseudonymCode.New();
                }

                var client = Client.Register(office, details, now.AddDays(-faker.Random.Int(0, 730)), code);
                db.Clients.Add(client);
                db.CaseFiles.Add(CaseFile.Open(client, today.AddDays(-faker.Random.Int(0, 730)), null));
                for (var n = 0; n < notesPerClient; n++)
                {
                    var at = now.AddMinutes(-faker.Random.Int(0, 730 * 24 * 60));
                    db.Notes.Add(CaseNote.Write(client, noteTypes[faker.Random.Int(0, noteTypes.Length - 1)], at, faker.Random.Int(5, 120),
                        [NeedAreas.All[faker.Random.Int(0, NeedAreas.All.Count - 1)]], noteFaker.Lorem.Sentences(2), null, at));
                }

                if (i % 97 == 0)
                {
                    ids.Add(client.Id.Value);
                    if (client.FamilyNamesLatin.Length >= 4)
                    {
                        terms.Add(client.FamilyNamesLatin[..4]);
                    }
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        // What the hourly statistics job (SQLite) or autovacuum (PostgreSQL) would have done after such a load.
        await host.Services.GetRequiredService<StoreStatistics>().RefreshAsync();
        if (provider == "PostgreSQL")
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ClientsDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
        }

        Console.WriteLine($"{provider}: generated {clients:N0} clients and {clients * notesPerClient:N0} notes in {started.Elapsed.TotalSeconds:0} s");
        return new Sample(terms, ids);
    }

    /// <summary>The bare endpoints: one connection per request from the provider's pool, hand-written SQL, rows as JSON.</summary>
    private sealed class BareLookup(DatabaseProvider provider, string connectionString, Guid office)
    {
        private const string ClientColumns =
            "id, pseudonym_code, given_names, family_names, given_names_latin, family_names_latin, birth_year, birth_date, preferred_language";

        public static async Task<BareLookup> CreateAsync(BenchmarkHost host, OfficeId office)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
            var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            return new BareLookup(provider, db.Database.GetConnectionString()!, office.Value);
        }

        public async Task HandleAsync(HttpContext context)
        {
            await using var connection = Open();
            await connection.OpenAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            if (context.Request.Path == "/search")
            {
                await SearchAsync(connection, context.Request.Query["term"].ToString(), json, context.RequestAborted);
            }
            else
            {
                await CaseFileAsync(connection, Guid.Parse(context.Request.Query["id"].ToString()), json, context.RequestAborted);
            }

            await json.FlushAsync(context.RequestAborted);
        }

        private DbConnection Open() => provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

        private object Id(Guid value) => provider == DatabaseProvider.Postgres ? value : value.ToString().ToUpperInvariant();

        private string Table(string name) => provider == DatabaseProvider.Postgres ? $"clients.{name}" : name;

        private async Task SearchAsync(DbConnection connection, string term, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            var conditions = new List<string>();
            var words = ClientSearchKey.QueryWords(term);
            for (var w = 0; w < words.Count; w++)
            {
                var (latin, skeleton) = words[w];
                if (provider == DatabaseProvider.Postgres)
                {
                    conditions.Add($"(search_key LIKE @l{w} OR search_key LIKE @s{w})");
                    Add(command, $"l{w}", "% " + latin + "%");
                    Add(command, $"s{w}", "% " + skeleton + "%");
                }
                else
                {
                    conditions.Add(
                        $"id IN (SELECT client_id FROM client_search_terms WHERE office_id = @office AND term >= @l{w} AND term < @lt{w} " +
                        $"UNION SELECT client_id FROM client_search_terms WHERE office_id = @office AND term >= @s{w} AND term < @st{w})");
                    Add(command, $"l{w}", latin);
                    Add(command, $"lt{w}", latin + '\uffff');
                    Add(command, $"s{w}", skeleton);
                    Add(command, $"st{w}", skeleton + '\uffff');
                }
            }

            Add(command, "office", Id(office));
            command.CommandText =
                $"SELECT {ClientColumns} FROM {Table("clients")} WHERE office_id = @office AND state = 'Active' AND {string.Join(" AND ", conditions)} " +
                "ORDER BY family_names_latin, given_names_latin LIMIT 20";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            json.WriteStartArray();
            while (await reader.ReadAsync(cancellationToken))
            {
                WriteRow(reader, json);
            }

            json.WriteEndArray();
        }

        private async Task CaseFileAsync(DbConnection connection, Guid client, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            json.WriteStartObject();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT {ClientColumns} FROM {Table("clients")} WHERE id = @id AND office_id = @office";
                Add(command, "id", Id(client));
                Add(command, "office", Id(office));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                json.WritePropertyName("client");
                if (await reader.ReadAsync(cancellationToken))
                {
                    WriteRow(reader, json);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            await using (var command = connection.CreateCommand())
            {
                command.CommandText =
                    $"SELECT id, type, occurred_at, duration_minutes, topics, text, author FROM {Table("case_notes")} " +
                    "WHERE client_id = @id AND office_id = @office ORDER BY occurred_at DESC LIMIT 50";
                Add(command, "id", Id(client));
                Add(command, "office", Id(office));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                json.WritePropertyName("notes");
                json.WriteStartArray();
                while (await reader.ReadAsync(cancellationToken))
                {
                    WriteRow(reader, json);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }
    }
}
