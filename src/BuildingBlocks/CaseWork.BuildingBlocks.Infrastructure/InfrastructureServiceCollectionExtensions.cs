using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Notifications;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CaseWork.BuildingBlocks.Infrastructure;

/// <summary>Registration of the shared infrastructure.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Registers database options, the clock, the current user, outgoing mail, the outbox dispatcher and the audit trail.
    /// </summary>
    public static IServiceCollection AddCaseWorkInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres.")
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.TryAddScoped<ActingOffice>();
        services.TryAddScoped<IActingOffice>(sp => sp.GetRequiredService<ActingOffice>());
        services.TryAddScoped<ICurrentUser, HttpCurrentUser>();

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.TryAddSingleton<RecordingEmailSender>();
        services.TryAddSingleton<IUnsentEmailLog>(sp => sp.GetRequiredService<RecordingEmailSender>());
        services.TryAddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<EmailOptions>>().Value.SmtpHost)
                ? sp.GetRequiredService<RecordingEmailSender>()
                : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp));

        services.TryAddSingleton<PublicAddress>();
        services.TryAddSingleton<IPublicAddress>(sp => sp.GetRequiredService<PublicAddress>());

        services.TryAddSingleton<StoreMigrator>();
        services.TryAddSingleton<StoreStatistics>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatcherService>();

        services.AddCaseWorkStore<AuditDbContext>(AuditDbContext.Store);
        services.TryAddSingleton<AuditChainWriter>();
        services.TryAddScoped<RecordedChanges>();
        services.TryAddScoped<IAuditTrail, HashChainedAuditTrail>();
        services.TryAddScoped<AuditTrailVerifier>();
        return services;
    }

    /// <summary>
    /// Registers a DbContext on its store (file or schema), on the configured provider. The options are built once
    /// (singleton): they depend on configuration only, and building them per request cost every request a directory check
    /// and an options build per context it used. Module contexts are pooled (ADR 0026): a request leases one, bound to its
    /// user, and gives it back when its scope ends, instead of setting up a context and its internal services every time.
    /// </summary>
    public static IServiceCollection AddCaseWorkStore<TContext>(this IServiceCollection services, StoreDescriptor store)
        where TContext : DbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
            options.UseCaseWorkStore(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value, store));
        if (typeof(ModuleDbContext).IsAssignableFrom(typeof(TContext)))
        {
            services.AddScoped(sp =>
            {
                var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
                ((ModuleDbContext)(object)context).BindCurrentUser(sp.GetService<ICurrentUser>());
                return context;
            });
        }
        else
        {
            // The audit and identity contexts are leased from a pool too: an audited read or a look-up of an office's staff
            // set up a whole context (its internal service provider scope) per request before.
            services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
        }

        services.AddSingleton(new MigratedStore(typeof(TContext), store));
        return services;
    }
}
