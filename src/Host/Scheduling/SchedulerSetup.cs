using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Health;
using CaseWork.Host.Modules;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;

namespace CaseWork.Host.Scheduling;

/// <summary>
/// The host's one Quartz.NET scheduler on the persistent ADO job store: a SQLite file <c>scheduler.db</c> in the data directory
/// (embedded default), or the schema <c>scheduler</c> of the shared PostgreSQL database, clustered, so several host instances
/// share one schedule and each run happens on one of them. Each module contributes its jobs (group = module name).
/// </summary>
internal static class SchedulerSetup
{
    /// <summary>The scheduler name, stored with every row; all instances of a cluster must share it.</summary>
    public const string SchedulerName = "CaseWork";

    /// <summary>The scheduler's store: the SQLite file name and the PostgreSQL schema.</summary>
    public static StoreDescriptor Store { get; } = new("scheduler", "scheduler");

    public static WebApplicationBuilder AddCaseWorkScheduler(this WebApplicationBuilder builder, IReadOnlyList<IModule> modules)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(modules);

        // Read now rather than through IOptions: the driver and the clustering are part of the scheduler's registration, and
        // a configuration that cannot work should stop the host with a message naming the key, not fail inside Quartz later.
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        database.Validate();
        var scheduler = builder.Configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        scheduler.Validate();
        var store = database.Provider switch
        {
            DatabaseProvider.Sqlite => new SchedulerStore(database.Provider, StoreOptionsExtensions.SqliteConnectionString(database, Store), Store.Schema),
            DatabaseProvider.Postgres => new SchedulerStore(database.Provider, database.ConnectionString!, Store.Schema),
            _ => throw new InvalidOperationException($"Unknown database provider '{database.Provider}'."),
        };

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.IdleWaitTime = scheduler.IdleWaitTime;
                // A module's triggers run in the execution group named after it. An instance with the module switched off
                // has neither its handlers nor its job registrations, so it must leave those triggers to the instances that
                // have them; running them here would fail and put the shared trigger into the error state for everyone.
                foreach (var disabled in CaseWorkModules.All.Select(m => m.Name).Except(modules.Select(m => m.Name)))
                {
                    s.RefusedExecutionGroups.Add(disabled);
                }
            });
            quartz.UseDefaultThreadPool(scheduler.MaxConcurrency);
            quartz.UsePersistentStore(persistence =>
            {
                persistence.UseSystemTextJsonSerializer();
                // The scheduler's tables are the host's own, like the module schemas EF migrates at start-up: create what is
                // missing (never alter or drop), so a fresh data directory or database needs no manual step.
                persistence.ProvisionSchema();
                persistence.ConfigureStore(o =>
                {
                    o.MisfireThreshold = scheduler.MisfireThreshold;
                    // The store's misfire and cluster threads are Quartz's only real threads. As foreground threads they
                    // would keep the process alive after the host stopped without a scheduler that could not reach its
                    // database (SchedulerShutdownGuard, ADR 0035).
                    o.UseBackgroundThreads = true;
                    if (store.Provider == DatabaseProvider.Postgres)
                    {
                        o.TablePrefix = $"{store.Schema}.qrtz_";
                    }
                });

                if (store.Provider == DatabaseProvider.Sqlite)
                {
                    persistence.UseSqlite(SqliteFactory.Instance, store.ConnectionString);
                }
                else
                {
                    persistence.UsePostgres(NpgsqlFactory.Instance, store.ConnectionString);
                    persistence.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduler.ClusterCheckinInterval;
                        c.CheckinMisfireThreshold = scheduler.ClusterCheckinMisfireThreshold;
                    });
                }
            });

            // Each module adds its jobs with AddModuleJob, which keeps an unchanged trigger as stored across restarts and
            // instances (ModuleTriggersPlugin).
            foreach (var module in modules)
            {
                module.AddJobs(quartz);
            }

            quartz.AddModuleJob<StoreStatisticsJob>("Host", StoreStatisticsJob.Name, JobSchedule.Every(TimeSpan.FromHours(1)));
        });

        builder.Services.AddSingleton(store);
        builder.Services.AddHostedService<SchedulerStorePreparation>();

        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        GuardSchedulerShutdown(builder.Services);
        builder.Services.AddHealthChecks()
            .AddCheck<SchedulerReadyCheck>("scheduler", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Wraps the hosted service Quartz just registered in <see cref="SchedulerShutdownGuard"/>: the host then stops promptly
    /// even when the scheduler's database has gone away (ADR 0035).
    /// </summary>
    private static void GuardSchedulerShutdown(IServiceCollection services)
    {
        var quartz = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(quartz);
        services.AddSingleton<IHostedService>(provider => new SchedulerShutdownGuard(
            quartz.ImplementationInstance as IHostedService
                ?? quartz.ImplementationFactory?.Invoke(provider) as IHostedService
                ?? (IHostedService)ActivatorUtilities.CreateInstance(provider, quartz.ImplementationType!),
            provider.GetRequiredService<SchedulerStore>(),
            provider.GetRequiredService<ILogger<SchedulerShutdownGuard>>()));
    }
}
