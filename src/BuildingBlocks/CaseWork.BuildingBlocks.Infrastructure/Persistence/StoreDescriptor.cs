namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// A store owned by one module or by the host: its name (the SQLite file name) and its schema (the PostgreSQL schema,
/// which also holds its migrations history table).
/// </summary>
/// <param name="Name">File name without extension, e.g. <c>clients</c>.</param>
/// <param name="Schema">Schema name, e.g. <c>clients</c>.</param>
public sealed record StoreDescriptor(string Name, string Schema)
{
    /// <summary>The migrations history table, kept inside each store's own schema.</summary>
    public const string MigrationsHistoryTable = "__ef_migrations_history";

    /// <summary>
    /// Whether the store's queries may need the SQL functions EF registers on every SQLite connection: <c>regexp</c> for
    /// <c>Regex.IsMatch</c> and the <c>ef_*</c> functions, aggregates and collation for <c>decimal</c> arithmetic, comparison
    /// and ordering. Microsoft.Data.Sqlite registers them on the native connection at every open and removes them at every
    /// close, so a store that maps no <c>decimal</c> and translates no regular expression leaves them out (ADR 0046).
    /// <c>SqliteStorageTests</c> hold every store without them to a model with no <c>decimal</c> property.
    /// </summary>
    public bool UsesEfSqliteFunctions { get; init; } = true;
}
