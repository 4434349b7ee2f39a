using System.Net;
using System.Net.Sockets;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Npgsql;

namespace CaseWork.Host.Tests.Storage;

/// <summary>When the database is missing or misconfigured the host says so instead of running half-broken.</summary>
public sealed class StorageFailureTests
{
    [Fact]
    public async Task Start_up_fails_naming_the_server_when_postgres_is_unreachable()
    {
        var port = UnusedLoopbackPort();
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password=unused;Timeout=5";
        await using var host = new CaseWorkHostFactory(TestDatabases.Postgres(connectionString));

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        var chain = Flatten(failure).ToList();
        Assert.Contains(chain, e => e is NpgsqlException);
        Assert.Contains(chain, e => e.Message.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_fails_naming_the_setting_when_postgres_has_no_connection_string()
    {
        await using var host = new CaseWorkHostFactory(new DatabaseOptions { Provider = DatabaseProvider.Postgres });

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains(Flatten(failure), e => e.Message.Contains("Database:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readiness_turns_unhealthy_when_the_database_goes_away()
    {
        var database = await TestDatabases.CreatePostgresAsync("ready");
        try
        {
            // Known issue (2026-11-22): with the Appointments module on, a host whose PostgreSQL database is dropped under it
            // does not finish stopping (found when the module was merged; not yet diagnosed). This test is about the
            // readiness check, so it runs without that module until the shutdown hang is fixed.
            await using var host = new CaseWorkHostFactory(
                TestDatabases.Postgres(database.ConnectionString), new Dictionary<string, string?> { ["Modules:Appointments:Enabled"] = "false" });
            using var client = host.CreateClient();
            // The scheduler starts right after the host; readiness waits for it, as a load balancer would.
            await Readiness.WaitUntilReadyAsync(client);

            // Dropping the database (WITH FORCE) also ends the host's open connections.
            await database.DisposeAsync();

            using var unready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
            Assert.Contains("Unhealthy", await unready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    /// <summary>A loopback port nothing listens on: bound and released, so the connection is refused at once.</summary>
    private static int UnusedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        IEnumerable<Exception> inner = exception switch
        {
            AggregateException aggregate => aggregate.InnerExceptions,
            { InnerException: { } cause } => [cause],
            _ => [],
        };
        foreach (var nested in inner.SelectMany(Flatten))
        {
            yield return nested;
        }
    }
}
