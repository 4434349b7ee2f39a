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
}
