using System.Diagnostics;
using System.Globalization;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CaseWork.Benchmarks.Scenarios;

/// <summary>Appending to and verifying the hash-chained audit trail (scenario <c>audit</c>).</summary>
internal static class AuditBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var postgresAdmin = Cli.Value(args, "--postgres");
        var appendCount = int.Parse(Cli.Value(args, "--entries") ?? "2000", CultureInfo.InvariantCulture);
        var rows = new List<string[]>();

        var sqliteDirectory = Path.Combine(Path.GetTempPath(), "casework-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RunAsync("SQLite", new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:DataDirectory"] = sqliteDirectory });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }

        if (postgresAdmin is not null)
        {
            var database = "cw_bench_" + Guid.NewGuid().ToString("N");
            await PostgresScratch.ExecuteAdminAsync(postgresAdmin, $"CREATE DATABASE \"{database}\"");
            try
            {
                var connection = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = database, MaxPoolSize = 8 }.ConnectionString;
                await RunAsync("PostgreSQL", new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connection });
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await PostgresScratch.ExecuteAdminAsync(postgresAdmin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }

        Table.Print(["provider", "benchmark", "operations", "total ms", "ops/s", "p50 ms", "p95 ms"], rows);

        async Task RunAsync(string provider, Dictionary<string, string?> settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var services = new ServiceCollection()
                .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
                .AddCaseWorkInfrastructure(configuration);
            await using var provider_ = services.BuildServiceProvider();
            await provider_.GetRequiredService<StoreMigrator>().MigrateAllAsync();

            // One writer: the latency of one audited action.
            var latencies = new List<double>(appendCount);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < appendCount; i++)
            {
                await using var scope = provider_.CreateAsyncScope();
                var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
                var started = Stopwatch.GetTimestamp();
                await trail.RecordAsync(new AuditRecord("Benchmark", AuditAction.Read, "Client", i.ToString(CultureInfo.InvariantCulture)));
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            rows.Add(Row(provider, "audit-append x1", appendCount, total.Elapsed.TotalMilliseconds, latencies));

            // Eight writers racing for the chain head (what several requests or instances do).
            const int writers = 8;
            var concurrentLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var perWriter = appendCount / writers;
            total.Restart();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                for (var i = 0; i < perWriter; i++)
                {
                    await using var scope = provider_.CreateAsyncScope();
                    var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
                    var started = Stopwatch.GetTimestamp();
                    await trail.RecordAsync(new AuditRecord("Benchmark", AuditAction.Update, "Client", $"{w}-{i}"));
                    concurrentLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            rows.Add(Row(provider, $"audit-append x{writers}", perWriter * writers, total.Elapsed.TotalMilliseconds, concurrentLatencies.ToList()));

            await using (var scope = provider_.CreateAsyncScope())
            {
                var verifier = scope.ServiceProvider.GetRequiredService<AuditTrailVerifier>();
                total.Restart();
                var result = await verifier.VerifyAsync();
                var elapsed = total.Elapsed.TotalMilliseconds;
                if (!result.IsIntact)
                {
                    throw new InvalidOperationException("The benchmark's own chain does not verify: " + string.Join("; ", result.Problems));
                }

                rows.Add(Row(provider, "audit-verify (whole chain)", (int)result.EntriesChecked, elapsed, [elapsed]));
            }
        }

        static string[] Row(string provider, string name, int operations, double totalMs, IReadOnlyCollection<double> latencies)
        {
            var sorted = latencies.Order().ToArray();
            double Percentile(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
            return
            [
                provider, name, operations.ToString(CultureInfo.InvariantCulture), totalMs.ToString("0", CultureInfo.InvariantCulture),
                (operations / (totalMs / 1000)).ToString("0", CultureInfo.InvariantCulture),
                Percentile(0.50).ToString("0.00", CultureInfo.InvariantCulture), Percentile(0.95).ToString("0.00", CultureInfo.InvariantCulture),
            ];
        }
    }
}
