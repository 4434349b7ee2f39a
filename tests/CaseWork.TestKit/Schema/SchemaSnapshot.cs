using System.Data.Common;
using System.Text;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseWork.TestKit.Schema;

/// <summary>
/// The shape of one store as the database reports it: tables, columns, keys, indexes, foreign keys, check constraints
/// (and on PostgreSQL sequences, enum types and extensions). Read on SQLite from <c>sqlite_master</c> and the
/// <c>pragma</c> functions, on PostgreSQL from <c>pg_catalog</c> restricted to one schema.
/// </summary>
/// <remarks>
/// EF Core's own bookkeeping (<see cref="StoreDescriptor.MigrationsHistoryTable"/>, <c>__EFMigrationsLock</c>) is left
/// out. Triggers and functions are left out on purpose: migrations may add them with raw SQL (the audit trail's
/// append-only triggers) and the EF model cannot describe them, so they are tested by the feature that needs them.
/// Column order is not compared: a migration that adds a column appends it, the model orders it elsewhere.
/// </remarks>
/// <param name="Provider">Which database the snapshot was read from.</param>
/// <param name="Tables">The tables, sorted by name.</param>
/// <param name="DatabaseObjects">Schema-level objects other than tables, as normalised lines (PostgreSQL only).</param>
public sealed record SchemaSnapshot(DatabaseProvider Provider, IReadOnlyList<TableSchema> Tables, IReadOnlyList<string> DatabaseObjects)
{
    /// <summary>Tables EF Core maintains for itself; they are not part of any model.</summary>
    public static IReadOnlySet<string> IgnoredTables { get; } =
        new HashSet<string>(StringComparer.Ordinal) { StoreDescriptor.MigrationsHistoryTable, "__EFMigrationsLock" };

    /// <summary>Reads the schema of the store <paramref name="context"/> is configured for (its file, or its default schema).</summary>
    /// <param name="context">The store's context; its connection is used and returned to the state it was in.</param>
    /// <param name="schema">The PostgreSQL schema to read (ignored on SQLite, where a file holds one store).</param>
    public static async Task<SchemaSnapshot> ReadAsync(DbContext context, string schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Database.GetDbConnection();
        var opened = false;
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
            opened = true;
        }

        try
        {
            return await ReadAsync(connection, schema, cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Reads the schema through an open connection.</summary>
    /// <param name="connection">An open SQLite or PostgreSQL connection.</param>
    /// <param name="schema">The PostgreSQL schema to read (ignored on SQLite).</param>
    public static Task<SchemaSnapshot> ReadAsync(DbConnection connection, string schema, CancellationToken cancellationToken = default) =>
        connection switch
        {
            SqliteConnection sqlite => SqliteSchemaReader.ReadAsync(sqlite, cancellationToken),
            NpgsqlConnection postgres => PostgresSchemaReader.ReadAsync(postgres, schema, cancellationToken),
            null => throw new ArgumentNullException(nameof(connection)),
            _ => throw new NotSupportedException($"No schema reader for {connection.GetType().Name}."),
        };

    /// <summary>
    /// The normalised text form: one line per fact, each line naming its table, sorted, so two snapshots can be compared
    /// line by line and a difference reads on its own.
    /// </summary>
    public IReadOnlyList<string> ToLines()
    {
        var lines = new List<string>(DatabaseObjects.Order(StringComparer.Ordinal));
        foreach (var table in Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.AddRange(table.ToLines());
        }

        return lines;
    }

    /// <summary>The normalised text form, one fact per line.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var line in ToLines())
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}

/// <summary>One table of a <see cref="SchemaSnapshot"/>.</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="PrimaryKey">Its primary key, if any.</param>
/// <param name="UniqueConstraints">Unique constraints (EF alternate keys).</param>
/// <param name="Indexes">Indexes that do not back a key or constraint.</param>
/// <param name="ForeignKeys">Foreign keys from this table.</param>
/// <param name="CheckConstraints">Check constraints.</param>
public sealed record TableSchema(
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    KeySchema? PrimaryKey,
    IReadOnlyList<KeySchema> UniqueConstraints,
    IReadOnlyList<IndexSchema> Indexes,
    IReadOnlyList<ForeignKeySchema> ForeignKeys,
    IReadOnlyList<CheckConstraintSchema> CheckConstraints)
{
    /// <summary>The table's lines of the normalised text form.</summary>
    public IEnumerable<string> ToLines()
    {
        yield return $"table {Name}";
        foreach (var column in Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            yield return $"{Name}: column {column}";
        }

        if (PrimaryKey is not null)
        {
            yield return $"{Name}: primary key {PrimaryKey}";
        }

        foreach (var line in UniqueConstraints.Select(u => $"{Name}: unique {u}").Order(StringComparer.Ordinal))
        {
            yield return line;
        }

        foreach (var line in Indexes.Select(i => $"{Name}: index {i}").Order(StringComparer.Ordinal))
        {
            yield return line;
        }

        foreach (var line in ForeignKeys.Select(f => $"{Name}: foreign key {f}").Order(StringComparer.Ordinal))
        {
            yield return line;
        }

        foreach (var line in CheckConstraints.Select(c => $"{Name}: check {c}").Order(StringComparer.Ordinal))
        {
            yield return line;
        }
    }
}

/// <summary>A column.</summary>
/// <param name="Name">The column name.</param>
/// <param name="StoreType">The type as the database reports it (SQLite: the declared type).</param>
/// <param name="IsNullable">Whether it accepts NULL.</param>
/// <param name="Default">The default expression, if any.</param>
/// <param name="Generation">Identity, autoincrement or computed-column information, if any.</param>
/// <param name="Collation">A collation other than the type's default (PostgreSQL only).</param>
public sealed record ColumnSchema(string Name, string StoreType, bool IsNullable, string? Default, string? Generation, string? Collation)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"{Name} {StoreType} {(IsNullable ? "NULL" : "NOT NULL")}");
        if (Default is not null)
        {
            text.Append(" DEFAULT ").Append(Default);
        }

        if (Generation is not null)
        {
            text.Append(' ').Append(Generation);
        }

        if (Collation is not null)
        {
            text.Append(" COLLATE ").Append(Collation);
        }

        return text.ToString();
    }
}

/// <summary>A primary key or unique constraint.</summary>
/// <param name="Name">Its name; null where the database keeps none (SQLite).</param>
/// <param name="Columns">Its columns, in key order.</param>
public sealed record KeySchema(string? Name, IReadOnlyList<string> Columns)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name ?? "(unnamed)"} ({string.Join(", ", Columns)})";
}

/// <summary>An index that does not back a key.</summary>
/// <param name="Name">The index name.</param>
/// <param name="Columns">Key columns (or expressions) in order, with <c>DESC</c> where descending.</param>
/// <param name="IsUnique">Whether it is unique.</param>
/// <param name="Method">The access method when it is not the default (PostgreSQL: e.g. <c>gin</c>).</param>
/// <param name="IncludedColumns">Non-key columns carried in the index (PostgreSQL <c>INCLUDE</c>).</param>
/// <param name="Filter">The predicate of a partial index.</param>
public sealed record IndexSchema(
    string Name,
    IReadOnlyList<string> Columns,
    bool IsUnique,
    string? Method,
    IReadOnlyList<string> IncludedColumns,
    string? Filter)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder($"{Name} ({string.Join(", ", Columns)})");
        if (IsUnique)
        {
            text.Append(" UNIQUE");
        }

        if (Method is not null)
        {
            text.Append(" USING ").Append(Method);
        }

        if (IncludedColumns.Count > 0)
        {
            text.Append(" INCLUDE (").Append(string.Join(", ", IncludedColumns)).Append(')');
        }

        if (Filter is not null)
        {
            text.Append(" WHERE ").Append(Filter);
        }

        return text.ToString();
    }
}

/// <summary>A foreign key.</summary>
/// <param name="Name">Its name; null where the database keeps none (SQLite).</param>
/// <param name="Columns">The referencing columns.</param>
/// <param name="ReferencedSchema">The referenced table's schema; null on SQLite (one file, no schemas).</param>
/// <param name="ReferencedTable">The referenced table.</param>
/// <param name="ReferencedColumns">The referenced columns.</param>
/// <param name="OnDelete">The delete rule, e.g. <c>CASCADE</c>.</param>
/// <param name="OnUpdate">The update rule.</param>
public sealed record ForeignKeySchema(
    string? Name,
    IReadOnlyList<string> Columns,
    string? ReferencedSchema,
    string ReferencedTable,
    IReadOnlyList<string> ReferencedColumns,
    string OnDelete,
    string OnUpdate)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var target = ReferencedSchema is null ? ReferencedTable : $"{ReferencedSchema}.{ReferencedTable}";
        return $"{Name ?? "(unnamed)"} ({string.Join(", ", Columns)}) REFERENCES {target} ({string.Join(", ", ReferencedColumns)}) ON DELETE {OnDelete} ON UPDATE {OnUpdate}";
    }
}

/// <summary>A check constraint.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Expression">Its condition as the database reports it.</param>
public sealed record CheckConstraintSchema(string Name, string Expression)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Expression}";
}
