using System.Linq.Expressions;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Outbox;
using CaseWork.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// Base of every module's DbContext: maps everything into the module's own schema, carries the module's
/// outbox and inbox tables, scopes office-owned entities to the current user's office, and checks
/// <see cref="IVersioned"/> aggregates for concurrent edits.
/// </summary>
public abstract class ModuleDbContext : DbContext, IIntegrationEventOutbox
{
    private ICurrentUser? _currentUser;
    private bool? _onPostgres;

    /// <summary>Creates the context; until <see cref="BindCurrentUser"/> binds a user, office-scoped entities are not visible.</summary>
    protected ModuleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Binds the user (and so the office) the queries are scoped to. Contexts are pooled (ADR 0026): the container binds the
    /// request's user each time it hands a context out, so a context never keeps the previous request's office.
    /// </summary>
    public void BindCurrentUser(ICurrentUser? currentUser) => _currentUser = currentUser;

    /// <summary>Forgets the user before the context goes back to the pool, so a lease that binds none sees no office.</summary>
    public override void Dispose()
    {
        _currentUser = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        _currentUser = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>
    /// Whether this context talks to PostgreSQL (otherwise SQLite), asked once per context instance: EF's
    /// <c>Database.IsNpgsql()</c> reads the provider's assembly name on every call, which showed up in profiles of the hot
    /// reads (ADR 0026), and a pooled context never changes provider.
    /// </summary>
    public bool OnPostgres => _onPostgres ??= Database.IsNpgsql();

    /// <summary>The store (file and schema) this context owns.</summary>
    public abstract StoreDescriptor Store { get; }

    /// <summary>Integration events written in the same transaction as the change that raised them.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Integration events this module has already handled (for idempotent receiving).</summary>
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queues an integration event; it is written to this module's outbox by the next <c>SaveChanges</c>, in the same transaction.</summary>
    public void Enqueue(IIntegrationEvent integrationEvent) =>
        OutboxMessages.Add(IntegrationEventSerializer.ToOutboxMessage(integrationEvent));

    /// <summary>
    /// The office queries are scoped to. Null means no user office (system jobs, anonymous):
    /// office-scoped entities are then not visible at all, unless a query explicitly ignores the filter.
    /// </summary>
    protected OfficeId? CurrentOfficeId => _currentUser?.OfficeId;

    /// <summary>
    /// The office this context's queries are scoped to, for hand-written SQL that must apply the same scope as the
    /// query filters (null: nothing office-scoped is visible).
    /// </summary>
    public OfficeId? ScopedOffice => CurrentOfficeId;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        StoreConventions.Apply(configurationBuilder, Database);
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        if (!Database.IsSqlite())
        {
            // SQLite has no schemas: there each store is its own file instead.
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        ConfigureModule(modelBuilder);
        ApplyOfficeScope(modelBuilder);
        ApplyVersioning(modelBuilder);
    }

    /// <summary>The module's own mappings: by default every <see cref="IEntityTypeConfiguration{TEntity}"/> in the module's assembly.</summary>
    protected virtual void ConfigureModule(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var moduleAssembly = GetType().Assembly;
        var hasConfigurations = moduleAssembly.GetTypes().Any(t => !t.IsAbstract && t.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)));
        if (hasConfigurations)
        {
            modelBuilder.ApplyConfigurationsFromAssembly(moduleAssembly);
        }
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersionsOfModifiedRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersionsOfModifiedRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Sets each modified <see cref="IVersioned"/> record's version to the one it was read at plus one. The update
    /// is checked against the version it was read at (a concurrency token), so a stale save fails instead of winning.
    /// </summary>
    private void RaiseVersionsOfModifiedRecords()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private void ApplyOfficeScope(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(IOfficeScoped).IsAssignableFrom(entityType.ClrType) || entityType.BaseType is not null)
            {
                continue;
            }

            // e => e.OfficeId == this.CurrentOfficeId, re-evaluated per query against this context instance.
            var parameter = Expression.Parameter(entityType.ClrType, "e");
            var office = Expression.Convert(
                Expression.Property(parameter, nameof(IOfficeScoped.OfficeId)), typeof(OfficeId?));
            var current = Expression.Property(Expression.Constant(this), nameof(CurrentOfficeId));
            var filter = Expression.Lambda(Expression.Equal(office, current), parameter);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
        }
    }

    private static void ApplyVersioning(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                modelBuilder.Entity(entityType.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }
}

/// <summary>Mapping helpers for strongly typed ids.</summary>
public static class StronglyTypedIdMapping
{
    /// <summary>Maps a typed-id property to its raw <see cref="Guid"/>.</summary>
    public static PropertyBuilder<TId> HasTypedId<TId>(this PropertyBuilder<TId> property)
        where TId : struct, IStronglyTypedId<TId>
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(new StronglyTypedIdConverter<TId>());
    }

    /// <summary>Maps a nullable typed-id property to its raw <see cref="Guid"/>.</summary>
    public static PropertyBuilder<TId?> HasTypedId<TId>(this PropertyBuilder<TId?> property)
        where TId : struct, IStronglyTypedId<TId>
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(new StronglyTypedIdConverter<TId>());
    }
}

/// <summary>Converts a strongly typed id to its raw <see cref="Guid"/> and back.</summary>
/// <typeparam name="TId">The id type.</typeparam>
public sealed class StronglyTypedIdConverter<TId> : ValueConverter<TId, Guid>
    where TId : struct, IStronglyTypedId<TId>
{
    /// <summary>Creates the converter.</summary>
    public StronglyTypedIdConverter()
        : base(id => id.Value, value => Wrap(value))
    {
    }

    private static TId Wrap(Guid value) => TId.From(value);
}

/// <summary>Binding a module context to a user where it is built by hand (tests, tools).</summary>
public static class ModuleDbContextExtensions
{
    /// <summary>Binds <paramref name="currentUser"/> (see <see cref="ModuleDbContext.BindCurrentUser"/>) and returns the context.</summary>
    public static TContext WithCurrentUser<TContext>(this TContext context, ICurrentUser? currentUser)
        where TContext : ModuleDbContext
    {
        ArgumentNullException.ThrowIfNull(context);
        context.BindCurrentUser(currentUser);
        return context;
    }
}
