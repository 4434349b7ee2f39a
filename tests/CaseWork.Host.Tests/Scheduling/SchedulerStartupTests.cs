using System.Net;
using System.Text.Json;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;

namespace CaseWork.Host.Tests.Scheduling;

/// <summary>What the host says about its scheduler: readiness while it runs, a clear error when it cannot.</summary>
public sealed class SchedulerStartupTests
{
    [Fact]
    public async Task The_host_is_ready_only_while_its_scheduler_runs()
    {
        using var data = new TempDataDirectory();
        await using var host = SchedulerHosts.Create(TestDatabases.Sqlite(data.Path), new JobRunLog());
        var scheduler = await SchedulerHosts.StartAsync(host);
        using var client = host.CreateClient();

        var (status, check) = await ReadinessAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());

        await scheduler.Standby();
        (status, check) = await ReadinessAsync(client);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("Standby", check.GetProperty("description").GetString(), StringComparison.Ordinal);

        await scheduler.Start();
        (status, _) = await ReadinessAsync(client);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public void Postgres_without_a_connection_string_stops_the_host_with_a_message_naming_the_key()
    {
        using var host = new CaseWorkHostFactory(new DatabaseOptions { Provider = DatabaseProvider.Postgres });

        var error = Record.Exception(() => host.Services);

        Assert.NotNull(error);
        Assert.Contains("Database:ConnectionString", Messages(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scheduler:MaxConcurrency", "0")]
    [InlineData("Scheduler:MisfireThreshold", "00:00:00")]
    [InlineData("Scheduler:IdleWaitTime", "00:00:00.100")]
    [InlineData("Scheduler:ClusterCheckinInterval", "00:00:00")]
    public void A_scheduler_setting_that_cannot_work_stops_the_host_with_a_message_naming_it(string key, string value)
    {
        using var data = new TempDataDirectory();
        using var host = new CaseWorkHostFactory(TestDatabases.Sqlite(data.Path), new Dictionary<string, string?> { [key] = value });

        var error = Record.Exception(() => host.Services);

        Assert.NotNull(error);
        Assert.Contains(key, Messages(error), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement SchedulerCheck)> ReadinessAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("scheduler").Clone());
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
