using System.Diagnostics;
using CaseWork.TestKit;
using Npgsql;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>
/// Stopping the host when its PostgreSQL database has gone away (ADR 0035). Quartz's own shutdown then waits for good: the
/// scheduler thread keeps retrying to give back a trigger it had reserved, and the job store that would end those retries is
/// shut down only after that wait. The host must stop anyway, within a few seconds plus one connect timeout.
/// </summary>
public sealed class SchedulerShutdownTests
{
    // Generous: the host stops in about two seconds; without the guard it never does.
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_host_stops_promptly_when_its_database_no_longer_answers()
    {
        await using var database = await TestDatabases.CreatePostgresAsync("shutdown");
        var host = SchedulerHosts.Create(TestDatabases.Postgres(database.ConnectionString), new JobRunLog());
        var stopped = false;
        try
        {
            await SchedulerHosts.StartAsync(host);
            // The hang needs a trigger the scheduler has reserved and waits to fire; the reminder sweep's (every 15 seconds) is one.
            await Eventually.HoldsAsync(
                async () => await CountAsync(database.ConnectionString, "SELECT count(*) FROM scheduler.qrtz_fired_triggers WHERE state = 'ACQUIRED'") > 0,
                TimeSpan.FromSeconds(60),
                () => "the scheduler reserved no trigger");

            await CutOffAsync(database.Name, allow: false);
            var clock = Stopwatch.StartNew();
            var stopping = host.DisposeAsync().AsTask();
            var first = await Task.WhenAny(stopping, Task.Delay(StopBound));
            stopped = first == stopping;

            Assert.True(stopped, $"the host did not stop within {StopBound.TotalSeconds} s of its database going away");
            await stopping;
            Assert.True(clock.Elapsed < StopBound, $"stopped after {clock.Elapsed}");
        }
        finally
        {
            await CutOffAsync(database.Name, allow: true);
            if (!stopped)
            {
                // Let a hung stop finish now that the database answers again, so the test run does not keep it.
                await host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(_ => { });
            }
        }
    }

    /// <summary>Makes the database unreachable for everyone (or reachable again) without touching the server: new connections are refused, open ones ended.</summary>
    private static async Task CutOffAsync(string name, bool allow)
    {
        await using var admin = new NpgsqlConnection(TestDatabases.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", admin))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allow)
        {
            await using var terminate = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name", admin);
            terminate.Parameters.AddWithValue("name", name);
            await terminate.ExecuteScalarAsync();
        }
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
