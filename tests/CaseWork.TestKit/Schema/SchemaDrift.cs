using System.Text;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CaseWork.TestKit.Schema;

/// <summary>
/// The schema-drift check: our migrations are hand-written (EF's design-time tooling cannot be restored), so nothing
/// but this check keeps them and the model in step. It builds one database by applying the migrations and one from
/// the current model, introspects both and compares them.
/// </summary>
/// <example>
/// <code>await SchemaDrift.AssertNoDriftAsync&lt;ClientsDbContext&gt;(provider, ClientsDbContext.StoreDescriptor);</code>
/// </example>
public static class SchemaDrift
{
    private static readonly IServiceProvider EmptyServices = new ServiceCollection().BuildServiceProvider();

    /// <summary>Fails the test with a readable diff when migrations and model disagree for <paramref name="store"/>.</summary>
    /// <typeparam name="TContext">The store's context; it is created with options from <c>UseCaseWorkStore</c>.</typeparam>
    /// <param name="provider">The database to check on.</param>
    /// <param name="store">The store (file name and schema) the context owns.</param>
    public static Task AssertNoDriftAsync<TContext>(DatabaseProvider provider, StoreDescriptor store, CancellationToken cancellationToken = default)
        where TContext : DbContext =>
        AssertNoDriftAsync(provider, store, database => CreateContext<TContext>(database, store), cancellationToken);

    /// <summary>Fails the test with a readable diff when migrations and model disagree for <paramref name="store"/>.</summary>
    /// <param name="provider">The database to check on.</param>
    /// <param name="store">The store; its schema is the one read on PostgreSQL.</param>
    /// <param name="createContext">Creates a context on the given (empty) database.</param>
    public static async Task AssertNoDriftAsync(
        DatabaseProvider provider,
        StoreDescriptor store,
        Func<DatabaseOptions, DbContext> createContext,
        CancellationToken cancellationToken = default)
    {
        var report = await CompareAsync(provider, store, createContext, cancellationToken);
        if (report.HasDrift)
        {
            Assert.Fail(report.Describe());
        }
    }

    /// <summary>Builds both databases for a context configured the CaseWork way and compares their schemas.</summary>
    /// <typeparam name="TContext">The store's context; it is created with options from <c>UseCaseWorkStore</c>.</typeparam>
    /// <param name="provider">The database to check on.</param>
    /// <param name="store">The store (file name and schema) the context owns.</param>
    public static Task<SchemaDriftReport> CompareAsync<TContext>(DatabaseProvider provider, StoreDescriptor store, CancellationToken cancellationToken = default)
        where TContext : DbContext =>
        CompareAsync(provider, store, database => CreateContext<TContext>(database, store), cancellationToken);

    /// <summary>
    /// Builds both databases and compares their schemas, for a context that is configured some other way than
    /// <c>UseCaseWorkStore</c>: <paramref name="createContext"/> gets a fresh, empty database each time.
    /// </summary>
    /// <param name="provider">The database to check on.</param>
    /// <param name="store">The store; its schema is the one read on PostgreSQL.</param>
    /// <param name="createContext">Creates a context on the given (empty) database.</param>
    public static async Task<SchemaDriftReport> CompareAsync(
        DatabaseProvider provider,
        StoreDescriptor store,
        Func<DatabaseOptions, DbContext> createContext,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(createContext);
        SchemaSnapshot migrated;
        SchemaSnapshot modelled;
        await using (var database = await ThrowawayDatabase.CreateAsync(provider, "drift"))
        {
            migrated = await ApplyMigrationsAsync(createContext(database.Options), store, cancellationToken);
        }

        await using (var database = await ThrowawayDatabase.CreateAsync(provider, "drift"))
        {
            modelled = await CreateFromModelAsync(createContext(database.Options), store, cancellationToken);
        }

        // A check that compares two empty schemas would pass for any migrations at all.
        if (modelled.Tables.Count == 0)
        {
            throw new InvalidOperationException(
                $"The model of store '{store.Name}' creates no table on {provider}: the drift check would compare nothing. Is the store's schema '{store.Schema}' right?");
        }

        return new SchemaDriftReport(store, provider, migrated, modelled);
    }

    /// <summary>
    /// Creates the context through its constructor taking <c>DbContextOptions&lt;TContext&gt;</c>; further optional
    /// parameters (a module context's current user) keep their defaults.
    /// </summary>
    private static TContext CreateContext<TContext>(DatabaseOptions database, StoreDescriptor store)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        options.UseCaseWorkStore(database, store);
        return ActivatorUtilities.CreateInstance<TContext>(EmptyServices, options.Options);
    }

    private static async Task<SchemaSnapshot> ApplyMigrationsAsync(DbContext context, StoreDescriptor store, CancellationToken cancellationToken)
    {
        await using (context)
        {
            if (!context.Database.GetMigrations().Any())
            {
                throw new InvalidOperationException(
                    $"{context.GetType().Name} has no migrations (none found in its migrations assembly), so the drift check has nothing to compare.");
            }

            await context.Database.MigrateAsync(cancellationToken);
            return await SchemaSnapshot.ReadAsync(context, store.Schema, cancellationToken);
        }
    }

    private static async Task<SchemaSnapshot> CreateFromModelAsync(DbContext context, StoreDescriptor store, CancellationToken cancellationToken)
    {
        await using (context)
        {
            // CreateTables, not EnsureCreated: EnsureCreated does nothing on a PostgreSQL database that already exists.
            var creator = context.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                await creator.CreateAsync(cancellationToken);
            }

            await creator.CreateTablesAsync(cancellationToken);
            return await SchemaSnapshot.ReadAsync(context, store.Schema, cancellationToken);
        }
    }
}

/// <summary>The outcome of a drift check: both schemas and what differs between them.</summary>
/// <param name="Store">The store checked.</param>
/// <param name="Provider">The database it was checked on.</param>
/// <param name="Migrated">The schema after applying the migrations.</param>
/// <param name="Modelled">The schema created from the current model.</param>
public sealed record SchemaDriftReport(StoreDescriptor Store, DatabaseProvider Provider, SchemaSnapshot Migrated, SchemaSnapshot Modelled)
{
    private const int ContextLines = 2;

    /// <summary>Lines present after applying the migrations but not in the model's schema.</summary>
    public IReadOnlyList<string> OnlyAfterMigrations => Migrated.ToLines().Except(Modelled.ToLines(), StringComparer.Ordinal).ToList();

    /// <summary>Lines present in the model's schema but not after applying the migrations.</summary>
    public IReadOnlyList<string> OnlyInModel => Modelled.ToLines().Except(Migrated.ToLines(), StringComparer.Ordinal).ToList();

    /// <summary>Whether the two schemas differ at all.</summary>
    public bool HasDrift => !Migrated.ToLines().SequenceEqual(Modelled.ToLines(), StringComparer.Ordinal);

    /// <summary>A diff of the two schemas: <c>-</c> only after migrations, <c>+</c> only in the model.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("Schema drift in store '").Append(Store.Name).Append("' on ").Append(Provider)
            .Append(": applying the migrations and creating the tables from the model give different schemas.\n")
            .Append("Write a migration for the model change (or fix the migration).\n")
            .Append("--- after migrations\n+++ from the model\n");
        var diff = LineDiff.Compute(Migrated.ToLines(), Modelled.ToLines());
        var changed = diff.Select(d => d.Kind != ' ').ToArray();
        var skipping = false;
        for (var i = 0; i < diff.Count; i++)
        {
            var from = Math.Max(0, i - ContextLines);
            var to = Math.Min(diff.Count - 1, i + ContextLines);
            if (changed.AsSpan(from, to - from + 1).Contains(true))
            {
                text.Append(diff[i].Kind).Append(' ').Append(diff[i].Line).Append('\n');
                skipping = false;
            }
            else if (!skipping)
            {
                text.Append("  ...\n");
                skipping = true;
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}

/// <summary>A line diff by longest common subsequence; schemas are a few hundred lines, so quadratic is fine.</summary>
internal static class LineDiff
{
    public static IReadOnlyList<(char Kind, string Line)> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var common = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
        {
            for (var j = after.Count - 1; j >= 0; j--)
            {
                common[i, j] = string.Equals(before[i], after[j], StringComparison.Ordinal)
                    ? common[i + 1, j + 1] + 1
                    : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var result = new List<(char, string)>();
        int b = 0, a = 0;
        while (b < before.Count && a < after.Count)
        {
            if (string.Equals(before[b], after[a], StringComparison.Ordinal))
            {
                result.Add((' ', before[b++]));
                a++;
            }
            else if (common[b + 1, a] >= common[b, a + 1])
            {
                result.Add(('-', before[b++]));
            }
            else
            {
                result.Add(('+', after[a++]));
            }
        }

        result.AddRange(before.Skip(b).Select(line => ('-', line)));
        result.AddRange(after.Skip(a).Select(line => ('+', line)));
        return result;
    }
}
