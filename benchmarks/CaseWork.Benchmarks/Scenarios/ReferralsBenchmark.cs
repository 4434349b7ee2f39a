using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CaseWork.Benchmarks.Load;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
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
/// Scenario <c>referrals</c> (issue 6): <c>--referrals</c> (50,000) referrals over two years across <c>--services</c> (300)
/// services, written through the domain (status history included). Measured through the real, signed-in endpoints next to
/// bare endpoints in the same host: the supervisors' outcome view for a year against bare SQL computing the same aggregates
/// (GROUP BY per table; percentiles by <c>percentile_cont</c> on PostgreSQL, over the sorted day values on SQLite, which has
/// none), and the open-referrals list against a bare ADO.NET query of the same page plus the same pseudonym lookup.
/// </summary>
internal static class ReferralsBenchmark
{
    private static readonly string[] OpenStatuses = ["sent", "accepted", "waitlisted", "in_progress"];

    public static async Task RunAsync(string[] args)
    {
        var referrals = Cli.Int(args, "--referrals", 50_000);
        var services = Cli.Int(args, "--services", 300);
        var connections = Cli.Int(args, "--connections", 16);
        var seconds = Cli.Int(args, "--seconds", 15);
        var postgresAdmin = Cli.Value(args, "--postgres");
        var results = new List<LoadResult>();
        var comparisons = new List<LoadComparison>();

        if (Cli.Value(args, "--only") is not "postgres")
        {
            // --keep: the SQLite file stays under /tmp/casework-bench for a look at its query plans (sqlite3).
            using var scratch = new TempDataDirectory();
            var folder = Cli.Flag(args, "--keep")
                ? Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casework-bench", $"referrals_{referrals}_{DateTime.UtcNow:yyyyMMddHHmmss}")).FullName
                : scratch.Path;
            await RunProviderAsync("SQLite", TestDatabases.Sqlite(folder), referrals, services, connections, seconds, results, comparisons);
            SqliteConnection.ClearAllPools();
        }

        if (postgresAdmin is not null)
        {
            await PostgresScratch.WithDatabaseAsync(postgresAdmin, "referrals", async connection =>
            {
                await RunProviderAsync("PostgreSQL", TestDatabases.Postgres(connection), referrals, services, connections, seconds, results, comparisons);
            });
        }

        Console.WriteLine();
        LoadReport.Print(results, comparisons);
    }

    private static async Task RunProviderAsync(
        string provider, DatabaseOptions database, int referrals, int services, int connections, int seconds,
        List<LoadResult> results, List<LoadComparison> comparisons)
    {
        BareReferrals? bare = null;
        await using var host = BenchmarkHost.Start(database, app => app.Run(context => bare!.HandleAsync(context)));
        var office = await host.Factory.DemoOfficeAsync();
        var now = DateTimeOffset.UtcNow;
        var open = await GenerateAsync(host, office, provider, referrals, services, now);
        bare = await BareReferrals.CreateAsync(host, office, now);
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var from = to.AddYears(-1).AddDays(1);
        var range = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var pages = Math.Max(1, open / 50);

        var warmup = TimeSpan.FromSeconds(3);
        var measure = TimeSpan.FromSeconds(seconds);
        using (var supervisor = await host.ClientAsync(connections, DemoUsers.Supervisor))
        {
            var (view, bareView) = await LoadComparer.RunAsync(provider, supervisor,
                new LoadTarget("GET /api/referrals/outcomes (1 year)", LoadReport.Get(_ => $"/api/referrals/outcomes/?{range}")),
                new LoadTarget("bare SQL aggregates (1 year)", LoadReport.Get(_ => $"/bench/outcomes?{range}")),
                connections, warmup, measure);
            results.AddRange([bareView, view]);
            comparisons.Add(new LoadComparison(view, bareView, 0, 2.0));
        }

        using var worker = await host.ClientAsync(connections, DemoUsers.Streetworker);
        var (list, bareList) = await LoadComparer.RunAsync(provider, worker,
            new LoadTarget("GET /api/referrals/open?page=", LoadReport.Get(i => $"/api/referrals/open?page={i % pages}")),
            new LoadTarget("bare open list (ADO.NET)", LoadReport.Get(i => $"/bench/open?page={i % pages}")),
            connections, warmup, measure);
        results.AddRange([bareList, list]);
        comparisons.Add(new LoadComparison(list, bareList, 0.5, double.PositiveInfinity));
    }

    /// <summary>Organisations, services and referrals through the domain, in batches; returns how many are open.</summary>
    private static async Task<int> GenerateAsync(BenchmarkHost host, OfficeId office, string provider, int referrals, int serviceCount, DateTimeOffset now)
    {
        var started = Stopwatch.StartNew();
        var random = new Random(20261122);
        var recipients = new List<ReferralRecipient>();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            for (var s = 0; s < serviceCount; s++)
            {
                var type = ServiceTypes.All[s % ServiceTypes.All.Count];
                var publicBody = type is ServiceTypes.JobCentre or ServiceTypes.ImmigrationOffice;
                var organisation = new Organisation(Guid.CreateVersion7(), office, $"Träger {s:000}", null, $"stelle{s}@partner.invalid", null, null);
                var service = new PartnerService(Guid.CreateVersion7(), office, organisation.Id, new ServiceDescription(
                    $"Angebot {s:000}", type, publicBody, "Beratung", null, ["de", "ar"], null, null, null, 14, true, null));
                db.Organisations.Add(organisation);
                db.Services.Add(service);
                recipients.Add(new ReferralRecipient(service.Id, organisation.Id, $"{service.Name} ({organisation.Name})", type, publicBody));
            }

            await db.SaveChangesAsync();
        }

        var staff = await WorkersAsync(host, office);
        var areas = CaseWork.Modules.Clients.Contracts.NeedAreas.All;
        var consent = new SharingBasis(Guid.CreateVersion7(), null);
        var open = 0;
        const int batch = 2_000;
        for (var done = 0; done < referrals; done += batch)
        {
            await using var scope = host.Services.CreateAsyncScope();
            using var acting = scope.ServiceProvider.GetRequiredService<IActingOffice>().Enter(office);
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(referrals, done + batch); i++)
            {
                var sentAt = now.AddMinutes(-random.Next(30, 730 * 24 * 60));
                var worker = staff[random.Next(staff.Count)];
                var recipient = recipients[random.Next(recipients.Count)];
                var needs = Enumerable.Range(0, random.Next(1, 3)).Select(_ => new ReferralNeed(Guid.Empty, Guid.CreateVersion7(), areas[random.Next(areas.Count)]))
                    .DistinctBy(n => n.Area).ToList();
                var referral = Referral.Draft(Guid.CreateVersion7(), office, Guid.CreateVersion7(), recipient, needs, ["identity", "contact"],
                    ReferralUrgency.Normal, null, worker, sentAt.AddMinutes(-5));
                referral.Send(consent, false, worker, sentAt);
                var agency = ReferralActor.AgencyLink(recipient.Name);
                var age = (now - sentAt).TotalDays;
                var fate = random.Next(100);
                var answered = sentAt.AddHours(random.Next(2, 24 * 12));
                var finished = answered.AddDays(random.Next(1, 90));
                if (age < 14 && fate < 30)
                {
                    // Still unanswered.
                }
                else if (fate < 12)
                {
                    referral.Decline(DeclinedBy.Agency, (DeclineReason)random.Next(6), null, agency, Min(answered, now));
                }
                else if (fate < 20 && age >= 14)
                {
                    referral.FollowUp(FollowUpPolicy.Default, TimeZoneInfo.Utc, sentAt.AddDays(15));
                }
                else if (fate < 24)
                {
                    referral.Withdraw(null, worker, Min(answered, now));
                }
                else
                {
                    if (fate < 40)
                    {
                        referral.Waitlist(random.Next(1, 30), null, agency, Min(answered, now));
                    }

                    referral.Accept(agency, Min(answered.AddDays(fate < 40 ? random.Next(5, 40) : 0), now));
                    if (finished < now && fate % 5 != 0)
                    {
                        referral.Start(agency, finished.AddDays(-1));
                        referral.Complete((ReferralOutcome)random.Next(5), null, agency, finished);
                    }
                }

                if (OutcomeStatistics.IsOpen(referral.Status))
                {
                    open++;
                }

                db.Referrals.Add(referral);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"{provider}: generated {referrals:N0} referrals ({open:N0} open) to {serviceCount} services in {started.Elapsed.TotalSeconds:0} s");
        return open;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static async Task<IReadOnlyList<ReferralActor>> WorkersAsync(BenchmarkHost host, OfficeId office)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var staff = await scope.ServiceProvider.GetRequiredService<IOfficeDirectory>().GetStaffAsync(office, Roles.Streetworker, CancellationToken.None);
        var workers = staff.Select(s => ReferralActor.Staff(s.Id, s.DisplayName)).ToList();
        // A dozen more workers than the demo office has, so "by worker" has rows (they are not in the staff list: shown as "—").
        workers.AddRange(Enumerable.Range(0, 12).Select(i => ReferralActor.Staff(UserId.New(), $"Worker {i}")));
        return workers;
    }

    /// <summary>The bare endpoints: one pooled connection per request, hand-written SQL, JSON out, none of the host's middleware.</summary>
    private sealed class BareReferrals(DatabaseProvider provider, string referralsConnection, string clientsConnection, Guid office, DateTimeOffset now)
    {
        private static readonly string[] DeclineReasons = ReferralCodes.All<DeclineReason>().ToArray();
        private static readonly string[] Outcomes = ReferralCodes.All<ReferralOutcome>().ToArray();

        public static async Task<BareReferrals> CreateAsync(BenchmarkHost host, OfficeId office, DateTimeOffset now)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReferralsDbContext>();
            var clients = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
            var provider = db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
            return new BareReferrals(provider, db.Database.GetConnectionString()!, clients.Database.GetConnectionString()!, office.Value, now);
        }

        private bool Pg => provider == DatabaseProvider.Postgres;

        public async Task HandleAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            if (context.Request.Path == "/open")
            {
                await OpenAsync(int.Parse(context.Request.Query["page"].ToString(), CultureInfo.InvariantCulture), json, context.RequestAborted);
            }
            else
            {
                await OutcomesAsync(DateOnly.Parse(context.Request.Query["from"].ToString(), CultureInfo.InvariantCulture),
                    DateOnly.Parse(context.Request.Query["to"].ToString(), CultureInfo.InvariantCulture), json, context.RequestAborted);
            }

            await json.FlushAsync(context.RequestAborted);
        }

        private DbConnection Open(string connectionString) => Pg ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

        private object Id(Guid value) => Pg ? value : value.ToString().ToUpperInvariant();

        private object Instant(DateTimeOffset value) => Pg ? value : value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

        private string Table(string schema, string name) => Pg ? $"{schema}.{name}" : name;

        private async Task OpenAsync(int page, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            var rows = new List<object[]>();
            await using (var connection = Open(referralsConnection))
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText =
                    $"SELECT id, client_id, recipient_name, service_type, status, urgency, sent_at, worker_id FROM {Table("referrals", "referrals")} " +
                    $"WHERE office_id = @office AND status IN ('{string.Join("','", OpenStatuses)}') AND sent_at IS NOT NULL " +
                    "ORDER BY sent_at, id LIMIT 50 OFFSET @skip";
                Add(command, "office", Id(office));
                Add(command, "skip", page * 50);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object[reader.FieldCount];
                    reader.GetValues(row);
                    rows.Add(row);
                }
            }

            var codes = new Dictionary<string, string>();
            if (rows.Count > 0)
            {
                await using var connection = Open(clientsConnection);
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                var names = rows.Select((_, i) => "@c" + i).ToList();
                command.CommandText = $"SELECT id, pseudonym_code FROM {Table("clients", "clients")} WHERE office_id = @office AND id IN ({string.Join(",", names)})";
                Add(command, "office", Id(office));
                for (var i = 0; i < rows.Count; i++)
                {
                    Add(command, "c" + i, Pg ? rows[i][1]! : rows[i][1]!.ToString()!);
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    codes[reader.GetValue(0).ToString()!] = reader.GetString(1);
                }
            }

            var cutoff = now.AddDays(-3);
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", row[0]!.ToString());
                json.WriteString("clientCode", codes.GetValueOrDefault(row[1]!.ToString()!, "—"));
                json.WriteString("recipientName", (string)row[2]!);
                json.WriteString("serviceType", (string)row[3]!);
                json.WriteString("status", (string)row[4]!);
                json.WriteString("urgency", (string)row[5]!);
                var sentAt = row[6] is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : row[6] is DateTimeOffset o ? o : DateTimeOffset.Parse((string)row[6]!, CultureInfo.InvariantCulture);
                json.WriteString("sentAt", sentAt);
                json.WriteBoolean("overdue", (string)row[4]! == "sent" && sentAt <= cutoff);
                json.WriteString("workerId", row[7]!.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        /// <summary>The outcome view's tables as SQL aggregates: total, by service, type, need, worker and month; open and overdue.</summary>
        private async Task OutcomesAsync(DateOnly from, DateOnly to, Utf8JsonWriter json, CancellationToken cancellationToken)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var cutoff = now.AddDays(-3);
            var referrals = Table("referrals", "referrals");
            var needs = Table("referrals", "referral_needs");
            var history = Table("referrals", "referral_status_changes");
            var month = Pg ? "to_char(r.sent_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM')" : "substr(r.sent_at, 1, 7)";
            var groupings = new (string Name, string Key, string From)[]
            {
                ("total", "'total'", $"{referrals} r"),
                ("service", "r.recipient_name", $"{referrals} r"),
                ("service_type", "r.service_type", $"{referrals} r"),
                ("need", "n.area", $"{referrals} r JOIN {needs} n ON n.referral_id = r.id"),
                ("worker", "r.worker_id", $"{referrals} r"),
                ("month", month, $"{referrals} r"),
            };
            var days = (string column) => Pg
                ? $"EXTRACT(EPOCH FROM ({column} - r.sent_at)) / 86400.0"
                : $"(julianday({column}) - julianday(r.sent_at))";
            var counts = string.Join(", ", [
                "COUNT(*)", "COUNT(r.accepted_at)", "SUM(CASE WHEN r.status = 'declined' THEN 1 ELSE 0 END)",
                .. DeclineReasons.Select(d => $"SUM(CASE WHEN r.status = 'declined' AND r.decline_reason = '{d}' THEN 1 ELSE 0 END)"),
                $"SUM(CASE WHEN r.waitlist_position IS NOT NULL OR EXISTS (SELECT 1 FROM {history} h WHERE h.referral_id = r.id AND h.to_status = 'waitlisted') THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END)",
                .. Outcomes.Select(o => $"SUM(CASE WHEN r.status = 'completed' AND r.outcome = '{o}' THEN 1 ELSE 0 END)"),
                "SUM(CASE WHEN r.status = 'expired' THEN 1 ELSE 0 END)", "SUM(CASE WHEN r.status = 'withdrawn' THEN 1 ELSE 0 END)",
                $"SUM(CASE WHEN r.status IN ('{string.Join("','", OpenStatuses)}') THEN 1 ELSE 0 END)",
                "SUM(CASE WHEN r.status = 'sent' AND r.sent_at <= @cutoff THEN 1 ELSE 0 END)",
                .. Pg
                    ? new[]
                    {
                        $"percentile_cont(0.5) WITHIN GROUP (ORDER BY {days("r.accepted_at")})", $"percentile_cont(0.9) WITHIN GROUP (ORDER BY {days("r.accepted_at")})",
                        $"percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN r.status = 'completed' THEN {days("r.closed_at")} END)",
                        $"percentile_cont(0.9) WITHIN GROUP (ORDER BY CASE WHEN r.status = 'completed' THEN {days("r.closed_at")} END)",
                    }
                    : []]);
            const string Where = "r.office_id = @office AND r.sent_at >= @from AND r.sent_at < @to";
            await using var connection = Open(referralsConnection);
            await connection.OpenAsync(cancellationToken);
            json.WriteStartObject();
            foreach (var (name, key, source) in groupings)
            {
                json.WritePropertyName(name);
                json.WriteStartArray();
                var percentiles = Pg ? null : await SqlitePercentilesAsync(connection, key, source, Where, days, start, end, cancellationToken);
                await using (var command = connection.CreateCommand())
                {
                    // The total is one group: PostgreSQL refuses a constant in GROUP BY, so it has none.
                    var groupBy = key.StartsWith('\'') ? "" : $" GROUP BY {key} ORDER BY 2 DESC";
                    command.CommandText = $"SELECT {key} AS k, {counts} FROM {source} WHERE {Where}{groupBy}";
                    AddRange(command, start, end, cutoff);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        json.WriteStartObject();
                        var group = reader.GetValue(0).ToString()!;
                        json.WriteString("key", group);
                        for (var c = 1; c < reader.FieldCount; c++)
                        {
                            json.WritePropertyName("v" + c.ToString(CultureInfo.InvariantCulture));
                            if (reader.IsDBNull(c))
                            {
                                json.WriteNullValue();
                            }
                            else
                            {
                                json.WriteNumberValue(Convert.ToDouble(reader.GetValue(c), CultureInfo.InvariantCulture));
                            }
                        }

                        if (percentiles is not null && percentiles.TryGetValue(group, out var p))
                        {
                            json.WriteNumber("medianDaysToAcceptance", p.Accepted50 ?? 0);
                            json.WriteNumber("p90DaysToAcceptance", p.Accepted90 ?? 0);
                            json.WriteNumber("medianDaysToOutcome", p.Outcome50 ?? 0);
                            json.WriteNumber("p90DaysToOutcome", p.Outcome90 ?? 0);
                        }

                        json.WriteEndObject();
                    }
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        private sealed record Percentiles(double? Accepted50, double? Accepted90, double? Outcome50, double? Outcome90);

        /// <summary>SQLite has no percentile aggregate: read the day values sorted by group and interpolate like the module does.</summary>
        private async Task<Dictionary<string, Percentiles>> SqlitePercentilesAsync(
            DbConnection connection, string key, string source, string where, Func<string, string> days, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
        {
            var accepted = new Dictionary<string, List<double>>();
            var outcome = new Dictionary<string, List<double>>();
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT {key}, {days("r.accepted_at")}, CASE WHEN r.status = 'completed' THEN {days("r.closed_at")} END FROM {source} " +
                $"WHERE {where} AND (r.accepted_at IS NOT NULL OR r.status = 'completed')";
            AddRange(command, start, end, now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var group = reader.GetValue(0).ToString()!;
                if (!reader.IsDBNull(1))
                {
                    (accepted.TryGetValue(group, out var list) ? list : accepted[group] = []).Add(reader.GetDouble(1));
                }

                if (!reader.IsDBNull(2))
                {
                    (outcome.TryGetValue(group, out var list) ? list : outcome[group] = []).Add(reader.GetDouble(2));
                }
            }

            return accepted.Keys.Union(outcome.Keys).ToDictionary(g => g, g => new Percentiles(
                OutcomeStatistics.Percentile(accepted.GetValueOrDefault(g) ?? [], 0.5), OutcomeStatistics.Percentile(accepted.GetValueOrDefault(g) ?? [], 0.9),
                OutcomeStatistics.Percentile(outcome.GetValueOrDefault(g) ?? [], 0.5), OutcomeStatistics.Percentile(outcome.GetValueOrDefault(g) ?? [], 0.9)));
        }

        private void AddRange(DbCommand command, DateTimeOffset start, DateTimeOffset end, DateTimeOffset cutoff)
        {
            Add(command, "office", Id(office));
            Add(command, "from", Instant(start));
            Add(command, "to", Instant(end));
            Add(command, "cutoff", Instant(cutoff));
        }
    }
}
