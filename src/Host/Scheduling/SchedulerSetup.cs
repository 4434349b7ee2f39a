using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Host.Health;
using Microsoft.Data.Sqlite;
using Npgsql;
using Quartz;

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

        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                s.IdleWaitTime = scheduler.IdleWaitTime;
            });
            quartz.UseDefaultThreadPool(scheduler.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                // The scheduler's tables are the host's own, like the module schemas EF migrates at start-up: create what is
                // missing (never alter or drop), so a fresh data directory or database needs no manual step.
                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.MisfireThreshold = scheduler.MisfireThreshold;
                    if (database.Provider == DatabaseProvider.Postgres)
                    {
                        o.TablePrefix = $"{Store.Schema}.qrtz_";
                    }
                });

                switch (database.Provider)
                {
                    case DatabaseProvider.Sqlite:
                        store.UseSqlite(SqliteFactory.Instance, StoreOptionsExtensions.SqliteConnectionString(database, Store));
                        break;
                    case DatabaseProvider.Postgres:
                        store.UsePostgres(NpgsqlFactory.Instance, database.ConnectionString!);
                        store.UseClustering(c =>
                        {
                            c.CheckinInterval = scheduler.ClusterCheckinInterval;
                            c.CheckinMisfireThreshold = scheduler.ClusterCheckinMisfireThreshold;
                        });
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown database provider '{database.Provider}'.");
                }
            });

            foreach (var module in modules)
            {
                module.AddJobs(quartz);
            }
        });

        builder.Services.Configure<QuartzOptions>(o =>
        {
            // Every start of every instance declares the modules' jobs again. Replacing keeps job classes and schedules in
            // step with the code; carrying the replaced trigger's last run over keeps a restart (or a second instance
            // starting) from moving the next run, and a run missed while the host was down is caught up once.
            o.Scheduling.OverwriteExistingData = true;
            o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });

        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddSingleton(new SchedulerSchema(database.ConnectionString!, Store.Schema));
            builder.Services.AddHostedService<SchedulerSchemaCreator>();
        }

        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHealthChecks()
            .AddCheck<SchedulerReadyCheck>("scheduler", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
