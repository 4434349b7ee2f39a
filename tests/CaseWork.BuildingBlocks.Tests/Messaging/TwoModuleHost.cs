using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;
using CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;
using CaseWork.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CaseWork.BuildingBlocks.Tests.Messaging;

/// <summary>What the test controls from outside the host: the clock, the signed-in user and the handlers' faults.</summary>
internal sealed class TestWorld
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567));

    public TestCurrentUser User { get; } = TestCurrentUser.Streetworker(Ids.OfficeId.New());

    public HandlerFaults Faults { get; } = new();
}

/// <summary>
/// A generic host with the two test modules wired through the real registration (infrastructure, stores, module
/// messaging), on a given database. Several of them on one database behave like several host instances.
/// </summary>
internal sealed class TwoModuleHost : IAsyncDisposable
{
    private static readonly IModule[] Modules = [new SenderModule(), new ReceiverModule()];
    private readonly IHost _host;

    private TwoModuleHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Builds, migrates and starts the host. The background dispatcher runs only when asked to, so tests drive delivery.</summary>
    public static async Task<TwoModuleHost> StartAsync(
        DatabaseOptions database,
        TestWorld world,
        bool runDispatcher = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:DataDirectory"] = database.DataDirectory,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Outbox:DispatcherEnabled"] = runDispatcher ? "true" : "false",
            // Long enough that only the commit signal (or the first sweep at start) can explain a prompt delivery.
            ["Outbox:PollInterval"] = "00:10:00",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var services = builder.Services;
        services.AddLogging();
        services.AddSingleton<TimeProvider>(world.Clock);
        services.AddSingleton<ICurrentUser>(world.User);
        services.AddSingleton(world.Faults);
        services.AddCaseWorkInfrastructure(builder.Configuration);
        foreach (var module in Modules)
        {
            module.AddServices(services, builder.Configuration);
        }

        configureServices?.Invoke(services);

        var host = builder.Build();
        try
        {
            await host.Services.GetRequiredService<StoreMigrator>().MigrateAllAsync();
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new TwoModuleHost(host);
    }

    /// <summary>Sends a command through its decorated handler, in its own scope, as an endpoint would.</summary>
    public async Task<Result<TValue>> SendAsync<TValue>(ICommand<TValue> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var scope = Services.CreateAsyncScope();
        var handlerType = typeof(ICommandHandler<,>).MakeGenericType(command.GetType(), typeof(TValue));
        return await InvokeHandleAsync<TValue>(scope.ServiceProvider.GetRequiredService(handlerType), handlerType, command);
    }

    /// <summary>Runs a query through its decorated handler.</summary>
    public async Task<Result<TValue>> QueryAsync<TValue>(IQuery<TValue> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = Services.CreateAsyncScope();
        var handlerType = typeof(IQueryHandler<,>).MakeGenericType(query.GetType(), typeof(TValue));
        return await InvokeHandleAsync<TValue>(scope.ServiceProvider.GetRequiredService(handlerType), handlerType, query);
    }

    /// <summary>Reads (or changes) a module's store in a fresh scope.</summary>
    public async Task<T> WithAsync<TContext, T>(Func<TContext, Task<T>> use)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    private static Task<Result<TValue>> InvokeHandleAsync<TValue>(object handler, Type handlerType, object request)
    {
        try
        {
            return (Task<Result<TValue>>)handlerType.GetMethod("Handle")!.Invoke(handler, [request, CancellationToken.None])!;
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // A handler that throws synchronously: surface its exception, as a direct call would.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
