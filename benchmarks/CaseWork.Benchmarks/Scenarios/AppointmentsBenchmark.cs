using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Bogus;
using CaseWork.Benchmarks.Load;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using static CaseWork.Benchmarks.Load.BareSql;

namespace CaseWork.Benchmarks.Scenarios;

/// <summary>
/// Scenario <c>appointments</c> (issue 4). Part one: the day and week agenda for a worker and for a room through the real,
/// signed-in endpoint <c>GET /api/appointments?who=worker|room</c>, next to a bare ADO.NET endpoint running the same query
/// (appointments of the window, their clients and workers) on the same data in the same host. Data: <c>--appointments</c>
/// (300,000) over two years (one back, one ahead) for <c>--clients</c> (100,000) clients, <c>--workers</c> (60) workers and
/// <c>--rooms</c> (12) rooms. Part two: <c>--reminders</c> (10,000) SMS reminders due in the same minute, swept by the
/// host's own Quartz job and handed to a stand-in SMS gateway that records when each arrived and whether twice — on SQLite
/// with one host, on PostgreSQL with two hosts on one database.
/// </summary>
internal static class AppointmentsBenchmark
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private static bool SqlLog { get; set; }

    private static string[]? Views { get; set; }

    private static bool Measures(string who, string label) => Views is null || Views.Contains($"{who}-{label}", StringComparer.OrdinalIgnoreCase);

    public static async Task RunAsync(string[] args)
    {
        var size = new Size(
            Cli.Int(args, "--appointments", 300_000), Cli.Int(args, "--clients", 100_000), Cli.Int(args, "--workers", 60),
            Cli.Int(args, "--rooms", 12), Cli.Int(args, "--reminders", 10_000));
        var connections = Cli.Int(args, "--connections", 16);
        var seconds = Cli.Int(args, "--seconds", 12);
        var postgresAdmin = Cli.Value(args, "--postgres");
        var part = Cli.Value(args, "--part"); // agenda | reminders | null (both)
        SqlLog = args.Contains("--sql-log");
        // --views room-day,worker-week: only these of the four agenda comparisons (default: all).
        Views = Cli.Value(args, "--views")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var results = new List<LoadResult>();
        var comparisons = new List<LoadComparison>();
        var sweeps = new List<SweepResult>();

        // --keep: the agenda's generated data stays (SQLite file under /tmp/casework-bench, PostgreSQL database by size) and
        // the next run with the same sizes measures on it without generating again (migrations added since still apply).
        var keep = Cli.Flag(args, "--keep");
        var keptName = $"appointments_{size.Appointments}x{size.Clients}x{size.Workers}x{size.Rooms}";
        if (Cli.Value(args, "--only") is not "postgres")
        {
            using var folder = new TempDataDirectory();
            if (part is not "reminders")
            {
                var agendaFolder = keep ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casework-bench", keptName)).FullName : folder.Path;
                await RunAgendaAsync("SQLite", TestDatabases.Sqlite(agendaFolder), size, connections, seconds, results, comparisons);
            }

            SqliteConnection.ClearAllPools();
            if (part is not "agenda")
            {
                using var sweepFolder = new TempDataDirectory();
                sweeps.Add(await RunSweepAsync("SQLite", TestDatabases.Sqlite(sweepFolder.Path), size.Reminders, hosts: 1));
                SqliteConnection.ClearAllPools();
            }
        }

        if (postgresAdmin is not null && Cli.Value(args, "--only") is not "sqlite")
        {
            if (part is not "reminders" && keep)
            {
                var connection = await PostgresScratch.KeptAsync(postgresAdmin, "cw_bench_" + keptName);
                try
                {
                    await RunAgendaAsync("PostgreSQL", TestDatabases.Postgres(connection), size, connections, seconds, results, comparisons);
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                }
            }
            else if (part is not "reminders")
            {
                await PostgresScratch.WithDatabaseAsync(postgresAdmin, "appointments", async connection =>
                {
                    await RunAgendaAsync("PostgreSQL", TestDatabases.Postgres(connection), size, connections, seconds, results, comparisons);
                });
            }

            if (part is not "agenda")
            {
                await PostgresScratch.WithDatabaseAsync(postgresAdmin, "reminders", async connection =>
                {
                    sweeps.Add(await RunSweepAsync("PostgreSQL", TestDatabases.Postgres(connection), size.Reminders, hosts: 2));
                });
            }
        }

        Console.WriteLine();
        if (results.Count > 0)
        {
            LoadReport.Print(results, comparisons);
            Console.WriteLine();
        }

        if (sweeps.Count > 0)
        {
            static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
            Table.Print(
                ["provider", "hosts", "reminders", "handed", "twice", "max late s", "p95 late s", "all handed after s", "target", "met"],
                [.. sweeps.Select(s => new[]
                {
                    s.Provider, s.Hosts.ToString(CultureInfo.InvariantCulture), s.Reminders.ToString(CultureInfo.InvariantCulture),
                    s.Handed.ToString(CultureInfo.InvariantCulture), s.Twice.ToString(CultureInfo.InvariantCulture), F(s.MaxLateSeconds),
                    F(s.P95LateSeconds), F(s.LastHandedAfterDueMinuteSeconds), "all ≤ 60 s late, none twice", s.Met ? "yes" : "NO",
                })]);
        }
    }

    private sealed record Size(int Appointments, int Clients, int Workers, int Rooms, int Reminders);

    private sealed record AgendaSample(IReadOnlyList<Guid> Workers, IReadOnlyList<Guid> Rooms, IReadOnlyList<DateOnly> Days);

    // ---------------------------------------------------------------- agenda

    private static async Task RunAgendaAsync(
        string provider, DatabaseOptions database, Size size, int connections, int seconds, List<LoadResult> results, List<LoadComparison> comparisons)
    {
        BareAgenda? bare = null;
        // CPU per request of the database server too: only this benchmark's database's backends (the server may be shared).
        CpuMeter.Database = database.Provider == DatabaseProvider.Postgres ? new NpgsqlConnectionStringBuilder(database.ConnectionString).Database : null;
        // --sql-log: every SQL command with its duration on the console, to see where an agenda request spends its time.
        var logging = SqlLog ? new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" } : null;
        await using var host = BenchmarkHost.Start(database, app => app.Run(context => bare!.HandleAsync(context)), logging);
        var office = await host.Factory.DemoOfficeAsync();
        var sample = await KeptSampleAsync(host, office, size) ?? await GenerateAsync(host, office, provider, size);
        // What the hourly statistics job (SQLite; autovacuum on PostgreSQL) does after such a load, also for data kept by a
        // run that did not: without it SQLite plans with the statistics of the four demo appointments and scans the table.
        await host.Services.GetRequiredService<StoreStatistics>().RefreshAsync();
        bare = await BareAgenda.CreateAsync(host, office);

        using var http = await host.ClientAsync(connections, DemoUsers.Streetworker);
        var warmup = TimeSpan.FromSeconds(3);
        var measure = TimeSpan.FromSeconds(seconds);
        string Day(long i) => sample.Days[(int)(i % sample.Days.Count)].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Worker(long i) => sample.Workers[(int)(i / 3 % sample.Workers.Count)].ToString();
        string Room(long i) => sample.Rooms[(int)(i / 3 % sample.Rooms.Count)].ToString();

        if (SqlLog)
        {
            // One request at a time: what a request costs without contention (the pipeline alone, and the agenda).
            foreach (var path in new[] { "/health/live", "/api/appointments/settings", $"/api/appointments?from={Day(0)}&days=1&who=room&roomId={Room(0)}", $"/bench/agenda?from={Day(0)}&days=1&room={Room(0)}" })
            {
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < 50; i++)
                {
                    using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                    await response.Content.ReadAsByteArrayAsync();
                }

                Console.WriteLine($"probe {path}: {watch.Elapsed.TotalMilliseconds / 50:0.00} ms per request");
            }
        }

        foreach (var (label, days) in new[] { ("day", 1), ("week", 7) })
        {
            if (Measures("worker", label))
            {
                var (worker, bareWorker) = await LoadComparer.RunAsync(provider, http,
                    new LoadTarget($"GET /api/appointments worker {label}", LoadReport.Get(i => $"/api/appointments?from={Day(i)}&days={days}&who=worker&workerId={Worker(i)}")),
                    new LoadTarget($"bare worker {label} (ADO.NET)", LoadReport.Get(i => $"/bench/agenda?from={Day(i)}&days={days}&worker={Worker(i)}")),
                    connections, warmup, measure);
                results.AddRange([bareWorker, worker]);
                comparisons.Add(new LoadComparison(worker, bareWorker, 0.5, 2.0));
            }

            if (Measures("room", label))
            {
                var (room, bareRoom) = await LoadComparer.RunAsync(provider, http,
                    new LoadTarget($"GET /api/appointments room {label}", LoadReport.Get(i => $"/api/appointments?from={Day(i)}&days={days}&who=room&roomId={Room(i)}")),
                    new LoadTarget($"bare room {label} (ADO.NET)", LoadReport.Get(i => $"/bench/agenda?from={Day(i)}&days={days}&room={Room(i)}")),
                    connections, warmup, measure);
                results.AddRange([bareRoom, room]);
                comparisons.Add(new LoadComparison(room, bareRoom, 0.5, 2.0));
            }
        }
    }

    /// <summary>The sample from data kept by an earlier run (<c>--keep</c>), or null when there is not enough data yet.</summary>
    private static async Task<AgendaSample?> KeptSampleAsync(BenchmarkHost host, OfficeId office, Size size)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
        var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
        if (await db.Appointments.CountAsync() < size.Appointments)
        {
            return null;
        }

        // The demo streetworker first, as generated; then the other workers and the rooms in a stable order.
        var demoWorker = (await host.Factory.DemoUserAsync(Roles.Streetworker)).Id;
        var workers = (await db.AppointmentWorkers.Select(w => w.WorkerId).Distinct().ToListAsync())
            .Where(w => w != demoWorker).OrderBy(w => w.Value).Prepend(demoWorker).Take(size.Workers).Select(w => w.Value).ToList();
        var rooms = await db.Rooms.OrderBy(r => r.Name).Select(r => r.Id).ToListAsync();
        var first = await db.Appointments.MinAsync(a => a.Start);
        var clock = OfficeClock.Berlin;
        var firstDay = DateOnly.FromDateTime(clock.ToLocal(first).Date);
        var workingDays = Enumerable.Range(0, 730).Select(firstDay.AddDays).Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToList();
        var random = new Randomizer(20261122);
        Console.WriteLine($"reusing {size.Appointments:N0} appointments kept by an earlier run");
        return new AgendaSample(workers, rooms, [.. Enumerable.Range(0, 40).Select(_ => workingDays[random.Int(0, workingDays.Count - 1)])]);
    }

    /// <summary>Clients through the Clients domain, appointments through the Appointments domain, in batches; prints how long it took.</summary>
    private static async Task<AgendaSample> GenerateAsync(BenchmarkHost host, OfficeId office, string provider, Size size)
    {
        var started = Stopwatch.StartNew();
        var faker = new Faker("de") { Random = new Randomizer(20261122) };
        var now = DateTimeOffset.UtcNow;
        var clock = OfficeClock.Berlin;
        var clients = new List<(Guid Id, string Code)>(size.Clients);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        const int batch = 2_000;
        for (var done = 0; done < size.Clients; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(size.Clients, done + batch); i++)
            {
                var details = new ClientDetails(
                    faker.Name.FirstName(), faker.Name.LastName(), null, null, [], DateOfBirth.YearOnly(faker.Random.Int(1950, 2008)),
                    StatedGender.NotStated, [], [], "ar", InterpreterPreferences.None, [], ReminderChannelKind.None, ResidenceStatusKind.Unknown, null,
                    HousingSituation.Unknown, []);
                var code = PseudonymCode.New();
                while (!codes.Add(code))
                {
                    code = PseudonymCode.New();
                }

                var client = Client.Register(office, details, now.AddDays(-faker.Random.Int(0, 730)), code);
                db.Clients.Add(client);
                clients.Add((client.Id.Value, client.PseudonymCode));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        var clientsTook = started.Elapsed;
        var demoWorker = await host.Factory.DemoUserAsync(Roles.Streetworker);
        var workers = new List<UserId> { demoWorker.Id };
        while (workers.Count < size.Workers)
        {
            workers.Add(UserId.From(Guid.CreateVersion7()));
        }

        var rooms = new List<Guid>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
            rooms.AddRange(await db.Rooms.Select(r => r.Id).ToListAsync());
            for (var r = rooms.Count; r < size.Rooms; r++)
            {
                var room = new Room(office, $"Raum {r + 1}");
                db.Rooms.Add(room);
                rooms.Add(room.Id);
            }

            await db.SaveChangesAsync();
        }

        // Two years of working days, 08:00–18:00 Berlin time, in quarter hours.
        var firstDay = DateOnly.FromDateTime(clock.ToLocal(now).Date).AddDays(-365);
        var workingDays = Enumerable.Range(0, 730).Select(firstDay.AddDays).Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToList();
        var kinds = Enum.GetValues<AppointmentKind>();
        for (var done = 0; done < size.Appointments; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(size.Appointments, done + batch); i++)
            {
                var day = workingDays[faker.Random.Int(0, workingDays.Count - 1)];
                var start = clock.ToInstant(day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(15 * faker.Random.Int(0, 36)));
                var end = start.AddMinutes(faker.Random.ArrayElement(new[] { 30, 45, 60, 90 }));
                var inRoom = faker.Random.Int(0, 9) < 4;
                var appointmentClients = Enumerable.Range(0, faker.Random.Int(0, 19) == 0 ? 3 : 1)
                    .Select(_ => clients[faker.Random.Int(0, clients.Count - 1)]).ToList();
                var appointmentWorkers = faker.Random.Int(0, 9) == 0
                    ? new[] { workers[faker.Random.Int(0, workers.Count - 1)], workers[faker.Random.Int(0, workers.Count - 1)] }
                    : [workers[faker.Random.Int(0, workers.Count - 1)]];
                var interpreter = faker.Random.Int(0, 4) == 0 ? new InterpreterRequirement("ar", null, InterpretingModality.InPerson, null) : null;
                var appointment = Appointment.Schedule(
                    office, kinds[faker.Random.Int(0, kinds.Length - 1)], inRoom ? Modules.Appointments.Domain.PlaceKind.OfficeRoom : Modules.Appointments.Domain.PlaceKind.Address,
                    inRoom ? "" : faker.Address.StreetAddress(), inRoom ? rooms[faker.Random.Int(0, rooms.Count - 1)] : null,
                    faker.Lorem.Sentence(4), faker.Random.Int(0, 5) == 0 ? "Pass, Bescheid" : null, start, end, appointmentClients, appointmentWorkers,
                    interpreter, null, start.AddDays(-7)).Value;
                db.Appointments.Add(appointment);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{provider}: generated {size.Clients:N0} clients in {clientsTook.TotalSeconds:0} s and {size.Appointments:N0} appointments " +
                          $"in {(started.Elapsed - clientsTook).TotalSeconds:0} s");
        var days = Enumerable.Range(0, 40).Select(_ => workingDays[faker.Random.Int(0, workingDays.Count - 1)]).ToList();
        return new AgendaSample([.. workers.Select(w => w.Value)], rooms, days);
    }

    /// <summary>
    /// The bare agenda: appointments of the window for one worker or room (the same index-bounded range the module's query
    /// uses: an appointment lasts at most 24 hours), then their clients and workers; rows as JSON.
    /// </summary>
    private sealed class BareAgenda(DatabaseProvider provider, string connectionString, Guid office)
    {
        private static readonly UtcInstantTextConverter SqliteInstant = new();

        public static async Task<BareAgenda> CreateAsync(BenchmarkHost host, OfficeId office)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
            var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            return new BareAgenda(provider, db.Database.GetConnectionString()!, office.Value);
        }

        public async Task HandleAsync(HttpContext context)
        {
            var query = context.Request.Query;
            var from = DateOnly.ParseExact(query["from"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var days = int.Parse(query["days"].ToString(), CultureInfo.InvariantCulture);
            var clock = OfficeClock.Berlin;
            var fromInstant = clock.ToInstant(from.ToDateTime(TimeOnly.MinValue));
            var until = clock.ToInstant(from.AddDays(days).ToDateTime(TimeOnly.MinValue));
            var filter = query.ContainsKey("worker")
                ? $"EXISTS (SELECT 1 FROM {Table("appointment_workers")} w WHERE w.appointment_id = a.id AND w.worker_id = @who)"
                : "a.room_id = @who";
            var who = Guid.Parse(query.ContainsKey("worker") ? query["worker"].ToString() : query["room"].ToString());

            await using var connection = provider == DatabaseProvider.Postgres ? (DbConnection)new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
            await connection.OpenAsync(context.RequestAborted);
            var ids = new List<object>();
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            json.WriteStartObject();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText =
                    "SELECT a.id, a.start_at, a.end_at, a.kind, a.status, a.place_kind, a.place_text, a.room_id, a.topic, a.interpreter_status, " +
                    $"a.interpreter_language, a.documents_to_bring FROM {Table("appointments")} a " +
                    $"WHERE a.office_id = @office AND a.start_at > @earliest AND a.start_at < @until AND a.end_at > @from AND {filter} " +
                    "ORDER BY a.start_at LIMIT 500";
                Add(command, "office", Id(office));
                Add(command, "earliest", Instant(fromInstant.AddHours(-24)));
                Add(command, "from", Instant(fromInstant));
                Add(command, "until", Instant(until));
                Add(command, "who", Id(who));
                await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
                json.WritePropertyName("appointments");
                json.WriteStartArray();
                while (await reader.ReadAsync(context.RequestAborted))
                {
                    ids.Add(reader.GetValue(0));
                    WriteRow(reader, json);
                }

                json.WriteEndArray();
            }

            foreach (var (table, columns) in new[] { ("appointment_clients", "appointment_id, client_id, pseudonym_code"), ("appointment_workers", "appointment_id, worker_id") })
            {
                json.WritePropertyName(table);
                json.WriteStartArray();
                if (ids.Count > 0)
                {
                    await using var command = connection.CreateCommand();
                    var names = new List<string>();
                    for (var i = 0; i < ids.Count; i++)
                    {
                        names.Add("@i" + i.ToString(CultureInfo.InvariantCulture));
                        Add(command, "i" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
                    }

                    command.CommandText = $"SELECT {columns} FROM {Table(table)} WHERE appointment_id IN ({string.Join(", ", names)})";
                    await using var reader = await command.ExecuteReaderAsync(context.RequestAborted);
                    while (await reader.ReadAsync(context.RequestAborted))
                    {
                        WriteRow(reader, json);
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            await json.FlushAsync(context.RequestAborted);
        }

        private object Id(Guid value) => provider == DatabaseProvider.Postgres ? value : value.ToString().ToUpperInvariant();

        private object Instant(DateTimeOffset value) => provider == DatabaseProvider.Postgres ? value : SqliteInstant.ConvertToProvider(value)!;

        private string Table(string name) => provider == DatabaseProvider.Postgres ? $"appointments.{name}" : name;
    }

    // ---------------------------------------------------------------- reminder sweep

    private sealed record SweepResult(
        string Provider, int Hosts, int Reminders, int Handed, int Twice, double MaxLateSeconds, double P95LateSeconds, double LastHandedAfterDueMinuteSeconds)
    {
        public bool Met => Handed == Reminders && Twice == 0 && MaxLateSeconds <= Window.TotalSeconds;
    }

    /// <summary>
    /// Plans <paramref name="reminders"/> SMS reminders due within one minute (a few seconds apart), lets the hosts' own
    /// scheduled sweep send them to a stand-in gateway, and measures how late each arrived and whether any arrived twice.
    /// </summary>
    private static async Task<SweepResult> RunSweepAsync(string provider, DatabaseOptions database, int reminders, int hosts)
    {
        await using var gateway = await SmsStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Appointments:Sms:Url"] = gateway.Url,
            ["Appointments:Sms:ApiKey"] = "bench-key",
        };
        var instances = new List<BenchmarkHost>();
        try
        {
            for (var h = 0; h < hosts; h++)
            {
                instances.Add(BenchmarkHost.Start(database, settings: settings));
            }

            var office = await instances[0].Factory.DemoOfficeAsync();
            // Due in the minute that starts a little ahead, so planning 10,000 rows is done before the first one is due.
            var now = DateTimeOffset.UtcNow;
            var dueMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(2);
            var due = new Dictionary<string, DateTimeOffset>(reminders, StringComparer.Ordinal);
            var started = Stopwatch.StartNew();
            const int batch = 2_000;
            for (var done = 0; done < reminders; done += batch)
            {
                await using var scope = instances[0].Services.CreateAsyncScope();
                using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
                var db = scope.ServiceProvider.GetRequiredService<AppointmentsDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var appointment = AppointmentId.New();
                for (var i = done; i < Math.Min(reminders, done + batch); i++)
                {
                    var to = "+49151" + i.ToString("D8", CultureInfo.InvariantCulture);
                    var at = dueMinute.AddMilliseconds(60_000.0 * i / reminders);
                    due[to] = at;
                    var text = new ReminderText("Terminerinnerung", $"Erinnerung: Termin am {at:dd.MM.yyyy}. Tel. 030 555 0100");
                    db.Reminders.Add(Reminder.Plan(office, appointment, ReminderPurpose.ClientReminder, "24h", Guid.CreateVersion7(), null,
                        ReminderChannel.Sms, to, "de", text, ReminderTiming.At(at), null));
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
            }

            Console.WriteLine($"{provider}: planned {reminders:N0} reminders due {dueMinute:HH:mm}–{dueMinute.AddMinutes(1):HH:mm} UTC in {started.Elapsed.TotalSeconds:0.0} s; {hosts} host(s) sweeping");
            var deadline = dueMinute.AddMinutes(1) + Window + TimeSpan.FromSeconds(30);
            while (DateTimeOffset.UtcNow < deadline && gateway.Received.Count < reminders)
            {
                await Task.Delay(500);
            }

            // A moment longer, so a reminder sent twice would be seen.
            await Task.Delay(TimeSpan.FromSeconds(gateway.Received.Count < reminders ? 0 : 5));
            var received = gateway.Received.ToArray();
            var late = received.Where(r => due.ContainsKey(r.To)).GroupBy(r => r.To)
                .Select(g => Math.Max(0, (g.Min(r => r.At) - due[g.Key]).TotalSeconds)).Order().ToList();
            var handed = late.Count;
            var twice = received.GroupBy(r => r.To).Count(g => g.Count() > 1);
            var last = received.Length == 0 ? double.NaN : (received.Max(r => r.At) - dueMinute).TotalSeconds;
            return new SweepResult(provider, hosts, reminders, handed, twice, late.Count == 0 ? double.NaN : late[^1],
                late.Count == 0 ? double.NaN : late[(int)Math.Min(late.Count - 1, Math.Ceiling(late.Count * 0.95) - 1)], last);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    /// <summary>A stand-in SMS gateway on loopback: takes <c>{"to","text"}</c> with the bearer key and records each message with its arrival time.</summary>
    private sealed class SmsStandIn : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private SmsStandIn(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<(string To, DateTimeOffset At)> Received { get; } = new();

        public static async Task<SmsStandIn> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            SmsStandIn? self = null;
            app.MapPost("/sms", async (HttpContext context) =>
            {
                if (context.Request.Headers.Authorization != "Bearer bench-key")
                {
                    return Results.Unauthorized();
                }

                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                self!.Received.Enqueue((body.RootElement.GetProperty("to").GetString()!, DateTimeOffset.UtcNow));
                return Results.Accepted();
            });
            await app.StartAsync();
            var address = app.Urls.First();
            self = new SmsStandIn(app, address + "/sms");
            return self;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
