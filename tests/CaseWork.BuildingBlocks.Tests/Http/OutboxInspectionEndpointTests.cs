using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.BuildingBlocks.Tests.Messaging;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CaseWork.BuildingBlocks.Tests.Http;

/// <summary>The per-module outbox inspection endpoint, hosted on a test server with the two test modules.</summary>
public sealed class OutboxInspectionEndpointTests : IAsyncLifetime
{
    private readonly TempDataDirectory _directory = new();
    private readonly TestWorld _world = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataDirectory"] = _directory.Path,
            ["Outbox:DispatcherEnabled"] = "false",
        });
        builder.Services.AddSingleton<TimeProvider>(_world.Clock);
        builder.Services.AddSingleton<ICurrentUser>(_world.User);
        builder.Services.AddSingleton(_world.Faults);
        builder.Services.AddCaseWorkInfrastructure(builder.Configuration);
        IModule[] modules = [new SenderModule(), new ReceiverModule()];
        foreach (var module in modules)
        {
            module.AddServices(builder.Services, builder.Configuration);
        }

        _app = builder.Build();
        foreach (var module in modules)
        {
            module.MapEndpoints(_app);
        }

        await _app.Services.GetRequiredService<StoreMigrator>().MigrateAllAsync();
        await _app.StartAsync();
        _client = _app.GetTestClient();

        // One message failed once, one delivered, one never attempted.
        await SendAsync(new CreateNote("failed once"));
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(new CreateNote("delivered"));
        _world.Faults.FailNext<RecordReceivedNote>();
        await _app.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
        _world.Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(new CreateNote("waiting"));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Pending_messages_are_listed_by_default_newest_first()
    {
        var pending = await _client.GetFromJsonAsync<List<OutboxMessageStatus>>("/api/test-sender/outbox");

        Assert.NotNull(pending);
        Assert.Equal(2, pending.Count);
        Assert.True(pending[0].OccurredAt > pending[1].OccurredAt);
        Assert.All(pending, m => Assert.Null(m.ProcessedAt));
        Assert.Equal([0, 1], pending.Select(m => m.Attempts));
    }

    [Fact]
    public async Task Failed_messages_show_their_attempts_and_last_error()
    {
        var failed = await _client.GetFromJsonAsync<List<OutboxMessageStatus>>("/api/test-sender/outbox?state=failed");

        var message = Assert.Single(failed!);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("Simulated failure", message.LastError, StringComparison.Ordinal);
        Assert.NotNull(message.NextAttemptAt);
    }

    [Fact]
    public async Task All_messages_can_be_listed_without_their_content()
    {
        using var response = await _client.GetAsync(new Uri("/api/test-sender/outbox?state=all", UriKind.Relative));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, json.GetArrayLength());
        Assert.Single(json.EnumerateArray(), m => m.GetProperty("processedAt").ValueKind != JsonValueKind.Null);
        Assert.All(json.EnumerateArray(), m => Assert.False(m.TryGetProperty("content", out _)));
        Assert.DoesNotContain("failed once", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receivers_outbox_is_its_own()
    {
        var all = await _client.GetFromJsonAsync<List<OutboxMessageStatus>>("/api/test-receiver/outbox?state=all");

        Assert.Empty(all!);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("PENDING")]
    public async Task An_unknown_state_is_a_validation_problem(string state)
    {
        using var response = await _client.GetAsync(new Uri($"/api/test-sender/outbox?state={state}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Use one of: pending, failed, all.", problem.GetProperty("errors").GetProperty("state")[0].GetString());
        Assert.Equal("validation", problem.GetProperty("code").GetString());
    }

    private async Task SendAsync<TCommand>(TCommand command)
        where TCommand : ICommand<Guid>
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, Guid>>().Handle(command, CancellationToken.None);
        Assert.True(result.IsSuccess);
    }
}
