using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CaseWork.Benchmarks.Load;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
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
/// Scenario <c>interpreters</c> (issue 5): <c>--interpreters</c> (5,000) pool members of one office with
/// <c>--jobs</c> (200,000) past and future bookings. Measured through the real, signed-in endpoints:
/// matching a request (<c>GET /api/interpreter-booking/requests/{id}</c>: candidates, availability, overlap, ranking,
/// explained) single-user and at 16 connections against a bare SQL candidate query; the interpreter's offers and
/// upcoming jobs (API and the portal page) against bare ADO.NET endpoints running the same queries, and the job list and
/// the page once more against bare endpoints running every statement they run, audit entry included (ADR 0057).
/// </summary>
internal static class InterpretersBenchmark
{
    /// <summary><c>--part matching|portal|page|jobs</c>: only the matching comparisons, only the portal's (offers, jobs, page), or only the page's or the job list's.</summary>
    private static string? Part { get; set; }

    /// <summary><c>--sql-log</c>: every SQL command with its duration on the console, plus one-at-a-time probes of the portal's requests.</summary>
    private static bool SqlLog { get; set; }

    private static readonly string[] Districts = ["Neukölln", "Kreuzberg", "Mitte", "Wedding", "Moabit", "Friedrichshain", "Spandau", "Lichtenberg"];

    public static async Task RunAsync(string[] args)
    {
        var interpreters = Cli.Int(args, "--interpreters", 5_000);
        var jobs = Cli.Int(args, "--jobs", 200_000);
        var connections = Cli.Int(args, "--connections", 16);
        var seconds = Cli.Int(args, "--seconds", 15);
        var postgresAdmin = Cli.Value(args, "--postgres");
        Part = Cli.Value(args, "--part");
        SqlLog = Cli.Flag(args, "--sql-log");
        Priming = TimeSpan.FromSeconds(Cli.Int(args, "--prime", 10));
        var results = new List<LoadResult>();
        var comparisons = new List<LoadComparison>();
        var singleUser = new List<LoadResult>();

        if (Cli.Value(args, "--only") is not "postgres")
        {
            using var folder = new TempDataDirectory();
            await RunProviderAsync("SQLite", TestDatabases.Sqlite(folder.Path), interpreters, jobs, connections, seconds, results, comparisons, singleUser);
            SqliteConnection.ClearAllPools();
            // Printed now as well, so a failure in the PostgreSQL run does not lose these figures.
            LoadReport.Print(results, comparisons);
        }

        if (postgresAdmin is not null)
        {
            await PostgresScratch.WithDatabaseAsync(postgresAdmin, "interpreters", async connection =>
            {
                await RunProviderAsync("PostgreSQL", TestDatabases.Postgres(connection), interpreters, jobs, connections, seconds, results, comparisons, singleUser);
            });
        }

        Console.WriteLine();
        LoadReport.Print(results, comparisons);
        Console.WriteLine();
        foreach (var single in singleUser)
        {
            var p95 = single.Percentile(0.95);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{single.Provider}: matching a request single-user p95 {p95:0.00} ms (target ≤ 20 ms): {(p95 <= 20 && single.Failures == 0 ? "met" : "NOT met")}"));
        }
    }

    private static async Task RunProviderAsync(
        string provider, DatabaseOptions database, int interpreters, int jobs, int connections, int seconds,
        List<LoadResult> results, List<LoadComparison> comparisons, List<LoadResult> singleUser)
    {
        BareQueries? bare = null;
        var logging = SqlLog ? new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" } : null;
        await using var host = BenchmarkHost.Start(database, app => app.Run(context => bare!.HandleAsync(context)), logging);
        var office = await host.Factory.DemoOfficeAsync();
        var demoInterpreter = await host.Factory.DemoUserAsync(Roles.Interpreter);
        var worker = await host.Factory.DemoUserAsync(Roles.Streetworker);
        var sample = await GenerateAsync(host, office, demoInterpreter.Id, worker.Id, provider, interpreters, jobs);
        // What the hourly statistics job (SQLite; autovacuum on PostgreSQL) does after such a load, as the clients and
        // appointments benchmarks do: SQLite otherwise plans with no statistics at all, a state a store is in for at most an hour.
        await host.Services.GetRequiredService<StoreStatistics>().RefreshAsync();
        bare = await BareQueries.CreateAsync(host, office, demoInterpreter.Id);

        using var coordinator = await host.ClientAsync(connections, DemoUsers.Streetworker);
        using var interpreter = await host.ClientAsync(connections, DemoUsers.Interpreter);
        var warmup = TimeSpan.FromSeconds(3);
        var measure = TimeSpan.FromSeconds(seconds);
        MatchSample Pick(long i) => sample[(int)(i % sample.Count)];
        var match = new LoadTarget("GET /requests/{id} (matching)", LoadReport.Get(i => $"/api/interpreter-booking/requests/{Pick(i).RequestId}"), coordinator);
        var bareMatch = new LoadTarget("bare candidate query (SQL)", LoadReport.Get(i => Pick(i).BarePath), coordinator);
        await PrimeAsync(provider, interpreter, connections, match, bareMatch);

        if (SqlLog)
        {
            // One request at a time: what each costs without contention, with its SQL on the console.
            foreach (var path in new[] { "/health/live", "/api/interpreter-booking/offers", "/bench/offers", "/api/interpreter-booking/jobs", "/bench/jobs", "/bench/jobs-statements", "/InterpreterBooking/Portal", "/bench/portal", "/bench/portal-statements" })
            {
                var watch = Stopwatch.StartNew();
                var bytes = 0;
                for (var i = 0; i < 50; i++)
                {
                    using var response = await interpreter.GetAsync(new Uri(path, UriKind.Relative));
                    bytes = (await response.Content.ReadAsByteArrayAsync()).Length;
                }

                Console.WriteLine($"probe {path}: {watch.Elapsed.TotalMilliseconds / 50:0.00} ms per request, {bytes:N0} bytes");
            }
        }

        if (Part is null or "matching")
        {
            var (single, singleBare) = await LoadComparer.RunAsync(provider, coordinator, match, bareMatch, 1, warmup, measure);
            results.AddRange([singleBare, single]);
            singleUser.Add(single);
            var (matching, matchingBare) = await LoadComparer.RunAsync(provider, coordinator, match, bareMatch, connections, warmup, measure);
            results.AddRange([matchingBare, matching]);
            comparisons.Add(new LoadComparison(matching, matchingBare, 0.5, double.PositiveInfinity));
        }

        if (Part is "matching")
        {
            return;
        }

        if (Part is not "page")
        {
            await CompareApiAsync(provider, interpreter, connections, warmup, measure, results, comparisons);
        }

        if (Part is "jobs")
        {
            return;
        }

        var (portal, portalBare) = await LoadComparer.RunAsync(provider, interpreter,
            new LoadTarget("page /InterpreterBooking/Portal", LoadReport.Get(_ => "/InterpreterBooking/Portal")),
            new LoadTarget("bare offers + jobs (ADO.NET)", LoadReport.Get(_ => "/bench/portal")),
            connections, warmup, measure);
        results.AddRange([portalBare, portal]);
        comparisons.Add(new LoadComparison(portal, portalBare, 0.5, double.PositiveInfinity));

        // The second reading of "the same query" (ADR 0057): a bare endpoint that runs every statement the page runs, the audit
        // entry included. Printed beside the first, which stays the issue's reading until the team settles it.
        var (portalAgain, statementsBare) = await LoadComparer.RunAsync(provider, interpreter,
            new LoadTarget("page /InterpreterBooking/Portal", LoadReport.Get(_ => "/InterpreterBooking/Portal")),
            new LoadTarget("bare, every statement of the page", LoadReport.Get(_ => "/bench/portal-statements")),
            connections, warmup, measure);
        results.AddRange([statementsBare, portalAgain]);
        comparisons.Add(new LoadComparison(portalAgain, statementsBare, 0.5, double.PositiveInfinity));
    }

    /// <summary><c>--prime</c> seconds (default 10): how long each endpoint of the run is loaded before any comparison.</summary>
    private static TimeSpan Priming { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Loads every endpoint the run compares, real and bare, one after the other, before the first comparison (ADR 0058).
    /// Tiered compilation with dynamic PGO recompiles a hot path while it serves; under load the real endpoints' larger code
    /// took longer than a comparison's 3-second warm-up to settle, so whichever comparison came first in a run measured its
    /// endpoint half compiled.
    /// </summary>
    private static async Task PrimeAsync(string provider, HttpClient interpreter, int connections, LoadTarget match, LoadTarget bareMatch)
    {
        var paths = new List<string>();
        if (Part is null or "portal" or "jobs")
        {
            paths.AddRange(["/api/interpreter-booking/jobs", "/bench/jobs", "/bench/jobs-statements"]);
        }

        if (Part is null or "portal")
        {
            paths.AddRange(["/api/interpreter-booking/offers", "/bench/offers"]);
        }

        if (Part is null or "portal" or "page")
        {
            paths.AddRange(["/InterpreterBooking/Portal", "/bench/portal", "/bench/portal-statements"]);
        }

        var targets = paths.Select(path => new LoadTarget(path, LoadReport.Get(_ => path), interpreter)).ToList();
        if (Part is null or "matching")
        {
            targets.InsertRange(0, [match, bareMatch]);
        }

        if (Priming > TimeSpan.Zero)
        {
            foreach (var target in targets)
            {
                await LoadRunner.RunAsync(provider, target.Name, target.Client!, target.Request, connections, TimeSpan.Zero, Priming);
            }
        }
    }

    /// <summary>The portal's two API reads, offers and upcoming jobs, each against its bare endpoint.</summary>
    private static async Task CompareApiAsync(
        string provider, HttpClient interpreter, int connections, TimeSpan warmup, TimeSpan measure, List<LoadResult> results, List<LoadComparison> comparisons)
    {
        if (Part is not "jobs")
        {
            var (offers, offersBare) = await LoadComparer.RunAsync(provider, interpreter,
                new LoadTarget("GET /offers", LoadReport.Get(_ => "/api/interpreter-booking/offers")),
                new LoadTarget("bare offers (ADO.NET)", LoadReport.Get(_ => "/bench/offers")),
                connections, warmup, measure);
            results.AddRange([offersBare, offers]);
            comparisons.Add(new LoadComparison(offers, offersBare, 0.5, double.PositiveInfinity));
        }

        var (upcoming, upcomingBare) = await LoadComparer.RunAsync(provider, interpreter,
            new LoadTarget("GET /jobs", LoadReport.Get(_ => "/api/interpreter-booking/jobs")),
            new LoadTarget("bare jobs (ADO.NET)", LoadReport.Get(_ => "/bench/jobs")),
            connections, warmup, measure);
        results.AddRange([upcomingBare, upcoming]);
        comparisons.Add(new LoadComparison(upcoming, upcomingBare, 0.5, double.PositiveInfinity));

        // The second reading (ADR 0057): the job list's own statement and its audit entry, as the endpoint runs them.
        var (upcomingAgain, upcomingStatements) = await LoadComparer.RunAsync(provider, interpreter,
            new LoadTarget("GET /jobs", LoadReport.Get(_ => "/api/interpreter-booking/jobs")),
            new LoadTarget("bare, every statement of /jobs", LoadReport.Get(_ => "/bench/jobs-statements")),
            connections, warmup, measure);
        results.AddRange([upcomingStatements, upcomingAgain]);
        comparisons.Add(new LoadComparison(upcomingAgain, upcomingStatements, 0.5, double.PositiveInfinity));
    }

    private sealed record MatchSample(Guid RequestId, string BarePath);

    /// <summary>Pool, memberships, jobs (request + booking) in batches through the domain; offers to the demo interpreter.</summary>
    private static async Task<IReadOnlyList<MatchSample>> GenerateAsync(
        BenchmarkHost host, OfficeId office, UserId demoInterpreter, UserId worker, string provider, int interpreters, int jobs)
    {
        var started = Stopwatch.StartNew();
        var random = new Random(20261122);
        var languages = LanguageCatalog.All.Where(l => l.Code is not ("de" or "en")).Take(12).ToArray();
        var now = DateTimeOffset.UtcNow;
        var policy = BookingPolicy.Default(office);
        var pool = new List<(UserId Id, LanguageSkill Skill, Modality Modality)>();
        const int batch = 2_500;

        for (var done = 0; done < interpreters; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(interpreters, done + batch); i++)
            {
                var skills = Enumerable.Range(0, random.Next(1, 3)).Select(_ => languages[random.Next(languages.Length)]).DistinctBy(l => l.Code)
                    .Select(l => new LanguageSkill(l.Code, l.Dialects.Where(_ => random.Next(2) == 0).ToList(), (Qualification)random.Next(0, 3)))
                    .ToList();
                var profile = new InterpreterProfile(UserId.New(), $"Sprachmittler*in {i:00000}")
                {
                    Gender = random.Next(2) == 0 ? "female" : "male",
                    Languages = skills,
                    Modalities = (Modalities)random.Next(1, 8),
                    Districts = random.Next(3) == 0 ? [.. Districts.Where(_ => random.Next(3) == 0)] : [],
                    DailyMaximum = random.Next(2, 7),
                    WeeklyAvailability = random.Next(2) == 0
                        ? [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                            .Select(d => new WeeklySlot(d, new TimeOnly(8, 0), new TimeOnly(18, 0)))]
                        : [],
                    CalendarToken = Offer.NewToken(),
                };
                db.Interpreters.Add(profile);
                db.PoolMemberships.Add(new PoolMembership(office, profile.Id, now) { Fees = new FeeRates(40m, 20m, 0.3m, "EUR") });
                pool.Add((profile.Id, skills[0], profile.Modalities.HasFlag(Modalities.InPerson) ? Modality.InPerson : profile.Modalities.HasFlag(Modalities.Phone) ? Modality.Phone : Modality.Video));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        // The demo interpreter takes jobs like everybody else, so the portal shows a typical load.
        pool.Add((demoInterpreter, new LanguageSkill("ar", ["Levantine"], Qualification.SwornOrCertified), Modality.InPerson));
        var sample = new List<MatchSample>();
        var zone = policy.Zone;
        for (var done = 0; done < jobs; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var j = done; j < Math.Min(jobs, done + batch); j++)
            {
                var (id, skill, modality) = pool[j % pool.Count];
                var day = DateTime.SpecifyKind(now.UtcDateTime.Date, DateTimeKind.Unspecified).AddDays(random.Next(-365, 365));
                var local = day.AddHours(random.Next(8, 17));
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
                var end = start.AddMinutes(random.Next(2, 5) * 30);
                var created = start.AddDays(-random.Next(5, 30));
                var request = InterpreterRequest.Create(office, null, [], skill.Language, (skill.Dialects.Count > 0 ? skill.Dialects[0] : null), modality, start, end,
                    "Beratungsstelle, Raum " + random.Next(1, 6), null, (SubjectArea)random.Next(0, 5), null, null, worker, worker, policy, created);
                request.Assign(id, created);
                db.Requests.Add(request);
                db.Bookings.Add(new Booking(request, id, created));
                if (start > now && sample.Count < 500 && random.Next(50) == 0)
                {
                    var flag = modality switch { Modality.InPerson => 1, Modality.Phone => 2, _ => 4 };
                    var buffer = modality == Modality.InPerson ? policy.TravelBuffer : TimeSpan.Zero;
                    sample.Add(new MatchSample(request.Id, string.Create(CultureInfo.InvariantCulture,
                        $"/bench/candidates?language={skill.Language}&modality={flag}&from={Uri.EscapeDataString((start - buffer).ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString((end + buffer).ToString("O", CultureInfo.InvariantCulture))}")));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            for (var o = 0; o < 8; o++)
            {
                var local = DateTime.SpecifyKind(now.UtcDateTime.Date, DateTimeKind.Unspecified).AddDays(20 + o).AddHours(9);
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
                var request = InterpreterRequest.Create(office, null, [], "ar", "Levantine", Modality.Phone, start, start.AddHours(1), "Telefon", null,
                    SubjectArea.Health, null, null, worker, worker, policy, now);
                request.OfferNextTier([new RankedInterpreter(demoInterpreter, "Demo", 1, Qualification.SwornOrCertified, null)], policy, now);
                db.Requests.Add(request);
            }

            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{provider}: generated {interpreters:N0} interpreters and {jobs:N0} jobs in {started.Elapsed.TotalSeconds:0} s; {sample.Count} requests to match");
        return sample;
    }

    /// <summary>The bare endpoints: one connection per request from the provider's pool, hand-written SQL, rows as JSON.</summary>
    private sealed class BareQueries(DatabaseProvider provider, string connectionString, Guid office, Guid interpreter)
    {
        public static async Task<BareQueries> CreateAsync(BenchmarkHost host, OfficeId office, UserId interpreter)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InterpreterBookingDbContext>();
            var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            return new BareQueries(provider, db.Database.GetConnectionString()!, office.Value, interpreter.Value);
        }

        public async Task HandleAsync(HttpContext context)
        {
            await using var connection = provider == DatabaseProvider.Postgres ? new NpgsqlConnection(connectionString) : (DbConnection)new SqliteConnection(connectionString);
            await connection.OpenAsync(context.RequestAborted);
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            var query = context.Request.Query;
            switch (context.Request.Path.Value)
            {
                case "/candidates":
                    await CandidatesAsync(connection, query["language"].ToString(), int.Parse(query["modality"].ToString(), CultureInfo.InvariantCulture),
                        DateTimeOffset.Parse(query["from"].ToString(), CultureInfo.InvariantCulture), DateTimeOffset.Parse(query["to"].ToString(), CultureInfo.InvariantCulture),
                        json, context.RequestAborted);
                    break;
                case "/offers":
                    await OffersAsync(connection, json, context.RequestAborted);
                    break;
                case "/jobs":
                    await JobsAsync(connection, json, DateTimeOffset.UtcNow, context.RequestAborted);
                    break;
                case "/jobs-statements":
                    await AuditedJobListAsync(connection, context, json, DateTimeOffset.UtcNow);
                    break;
                case "/portal-statements":
                    await PortalStatementsAsync(connection, context, json);
                    break;
                default:
                    json.WriteStartObject();
                    json.WritePropertyName("offers");
                    await OffersAsync(connection, json, context.RequestAborted);
                    json.WritePropertyName("jobs");
                    await JobsAsync(connection, json, DateTimeOffset.UtcNow, context.RequestAborted);
                    json.WriteEndObject();
                    break;
            }

            await json.FlushAsync(context.RequestAborted);
        }

        /// <summary>
        /// Every statement the portal page runs on a visit, in the page's order, on one connection: the offers, the module's own
        /// job-list and pool statements (their SQL texts, so both run exactly the same), and the job list's audit entry through the
        /// host's audit trail, which groups entries into one commit for the page and this endpoint alike. With the benchmark's
        /// data the page asks nothing else: its requests have no clients (no initials asked of the Clients store), no invitation
        /// is open, and office names and contacts come from the directory's cache.
        /// </summary>
        private async Task PortalStatementsAsync(DbConnection connection, HttpContext context, Utf8JsonWriter json)
        {
            var cancellationToken = context.RequestAborted;
            var postgres = provider == DatabaseProvider.Postgres;
            var now = DateTimeOffset.UtcNow;
            json.WriteStartObject();
            json.WritePropertyName("offers");
            await OffersAsync(connection, json, cancellationToken);

            json.WritePropertyName("jobs");
            await AuditedJobListAsync(connection, context, json, now);

            json.WritePropertyName("invitationOpen");
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = PortalPoolReader.AnyOpenInvitationSql(postgres);
                Add(command, "now", Instant(now));
                json.WriteBooleanValue(Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) != 0);
            }

            json.WritePropertyName("memberships");
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = PortalPoolReader.MembershipsSql(postgres);
                Add(command, "me", Id(interpreter));
                Add(command, "now", Instant(now));
                await WriteRowsAsync(command, json, cancellationToken);
            }

            json.WriteEndObject();
        }

        /// <summary>
        /// What the job list (<c>GET /jobs</c>, and the page) runs: the module's job-list statement, then its audit entry through the
        /// host's audit trail when it shows any job.
        /// </summary>
        private async Task AuditedJobListAsync(DbConnection connection, HttpContext context, Utf8JsonWriter json, DateTimeOffset now)
        {
            var jobs = await JobsAsync(connection, json, now, context.RequestAborted);
            if (jobs > 0)
            {
                await context.RequestServices.GetRequiredService<IAuditTrail>().RecordAsync(
                    new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Read, "InterpreterJobs", interpreter.ToString(), Details: $"jobs: {jobs}, client initials"),
                    context.RequestAborted);
            }
        }

        private object Id(Guid value) => provider == DatabaseProvider.Postgres ? value : value.ToString().ToUpperInvariant();

        private object Instant(DateTimeOffset value) => provider == DatabaseProvider.Postgres
            ? value.ToUniversalTime()
            : value.UtcDateTime.ToString("yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'fffffff'+00:00'", CultureInfo.InvariantCulture);

        private string Table(string name) => provider == DatabaseProvider.Postgres ? $"interpreter_booking.{name}" : name;

        /// <summary>Pool members speaking the language in the modality with no live booking colliding with the slot, least recently assigned first.</summary>
        private async Task CandidatesAsync(DbConnection connection, string language, int modality, DateTimeOffset from, DateTimeOffset to, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT p.id, p.display_name, p.languages, p.last_assigned_at FROM {Table("pool_memberships")} m " +
                $"JOIN {Table("interpreter_profiles")} p ON p.id = m.interpreter_id " +
                "WHERE m.office_id = @office AND m.left_at IS NULL AND p.language_codes LIKE @code AND (p.modalities & @modality) <> 0 " +
                $"AND NOT EXISTS (SELECT 1 FROM {Table("bookings")} b WHERE b.interpreter_id = p.id AND b.state IN (0, 1) AND b.end_at > @from AND b.end_at <= @lastEnd AND b.start_at < @to) " +
                "ORDER BY p.last_assigned_at, p.display_name LIMIT 50";
            Add(command, "office", Id(office));
            Add(command, "code", "%|" + language + "|%");
            Add(command, "modality", modality);
            Add(command, "from", Instant(from));
            Add(command, "to", Instant(to));
            // What the module knows too: no job lasts longer than a day, so an overlapping booking ends by then (ADR 0050).
            Add(command, "lastEnd", Instant(to + InterpreterRequest.LongestDuration));
            await WriteRowsAsync(command, json, cancellationToken);
        }

        private async Task OffersAsync(DbConnection connection, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT o.id, o.request_id, r.office_id, r.start_at, r.end_at, r.language, r.dialect, r.modality, r.district, r.subject_area, r.urgent, o.offered_at " +
                $"FROM {Table("offers")} o JOIN {Table("requests")} r ON r.id = o.request_id " +
                "WHERE o.interpreter_id = @me AND o.state = 0 AND r.state = 1 ORDER BY r.start_at";
            Add(command, "me", Id(interpreter));
            await WriteRowsAsync(command, json, cancellationToken);
        }

        /// <summary>
        /// The job list's query and nothing else: the module's own statement (<see cref="JobListReader.Sql"/>), so the bare endpoint
        /// reads the same rows the same way as <c>GET /jobs</c> and the page, without their audit entry (ADR 0058).
        /// </summary>
        private async Task<int> JobsAsync(DbConnection connection, Utf8JsonWriter json, DateTimeOffset now, CancellationToken cancellationToken)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = JobListReader.Sql(provider == DatabaseProvider.Postgres);
            Add(command, "me", Id(interpreter));
            Add(command, "horizon", Instant(now.AddDays(-90)));
            return await WriteRowsAsync(command, json, cancellationToken);
        }
    }
}
