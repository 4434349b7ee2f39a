using System.Globalization;
using System.Text.RegularExpressions;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CaseWork.TestKit.Schema;

/// <summary>Reads a SQLite file's schema from <c>sqlite_master</c> and the <c>pragma_*</c> table functions.</summary>
internal static partial class SqliteSchemaReader
{
    public static async Task<SchemaSnapshot> ReadAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new List<TableSchema>();
        var definitions = await QueryAsync(
            connection,
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
            r => (Name: r.GetString(0), Sql: r.GetString(1)),
            cancellationToken);
        foreach (var (name, sql) in definitions.Where(t => !SchemaSnapshot.IgnoredTables.Contains(t.Name)))
        {
            tables.Add(await ReadTableAsync(connection, name, sql, cancellationToken));
        }

        return new SchemaSnapshot(DatabaseProvider.Sqlite, tables, []);
    }

    private static async Task<TableSchema> ReadTableAsync(SqliteConnection connection, string table, string sql, CancellationToken cancellationToken)
    {
        var rawColumns = await QueryAsync(
            connection,
            "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo($table) ORDER BY cid",
            r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, Default: r.IsDBNull(3) ? null : r.GetString(3),
                PkPosition: r.GetInt64(4), Hidden: r.GetInt64(5)),
            cancellationToken,
            ("$table", table));

        var keyColumns = rawColumns.Where(c => c.PkPosition > 0).OrderBy(c => c.PkPosition).Select(c => c.Name).ToList();

        // SQLite has no identity columns; AUTOINCREMENT can only sit on the one INTEGER PRIMARY KEY column.
        var autoincrement = keyColumns.Count == 1 && AutoincrementKeyword().IsMatch(sql) ? keyColumns[0] : null;
        var columns = rawColumns
            .Where(c => c.Hidden != 1)
            .Select(c => new ColumnSchema(
                c.Name,
                c.Type,
                IsNullable: !c.NotNull,
                c.Default,
                c.Hidden switch
                {
                    2 => "GENERATED VIRTUAL",
                    3 => "GENERATED STORED",
                    _ => c.Name == autoincrement ? "AUTOINCREMENT" : null,
                },
                Collation: null))
            .ToList();

        var uniqueConstraints = new List<KeySchema>();
        var indexes = new List<IndexSchema>();
        var indexList = await QueryAsync(
            connection,
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list($table)",
            r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Partial: r.GetInt64(3) != 0),
            cancellationToken,
            ("$table", table));
        foreach (var index in indexList.Where(i => i.Origin != "pk"))
        {
            var indexColumns = await QueryAsync(
                connection,
                "SELECT name, \"desc\" FROM pragma_index_xinfo($index) WHERE key = 1 ORDER BY seqno",
                r => (r.IsDBNull(0) ? "<expression>" : r.GetString(0)) + (r.GetInt64(1) != 0 ? " DESC" : ""),
                cancellationToken,
                ("$index", index.Name));
            if (index.Origin == "u")
            {
                // The backing index of a UNIQUE constraint: its name is generated (sqlite_autoindex_…), not chosen.
                uniqueConstraints.Add(new KeySchema(null, indexColumns));
                continue;
            }

            string? filter = null;
            if (index.Partial)
            {
                var indexSql = await QueryAsync(
                    connection,
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $index",
                    r => r.GetString(0),
                    cancellationToken,
                    ("$index", index.Name));
                filter = PartialIndexFilter(indexSql.Single());
            }

            indexes.Add(new IndexSchema(index.Name, indexColumns, index.Unique, Method: null, [], filter));
        }

        var foreignKeyRows = await QueryAsync(
            connection,
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list($table) ORDER BY id, seq",
            r => (Id: r.GetInt64(0), Table: r.GetString(1), From: r.GetString(2), To: r.IsDBNull(3) ? "<primary key>" : r.GetString(3),
                OnUpdate: r.GetString(4), OnDelete: r.GetString(5)),
            cancellationToken,
            ("$table", table));
        var foreignKeys = foreignKeyRows
            .GroupBy(f => f.Id)
            .Select(g => new ForeignKeySchema(
                Name: null,
                g.Select(f => f.From).ToList(),
                ReferencedSchema: null,
                g.First().Table,
                g.Select(f => f.To).ToList(),
                g.First().OnDelete.ToUpperInvariant(),
                g.First().OnUpdate.ToUpperInvariant()))
            .ToList();

        return new TableSchema(
            table,
            columns,
            keyColumns.Count > 0 ? new KeySchema(null, keyColumns) : null,
            uniqueConstraints,
            indexes,
            foreignKeys,
            CheckConstraints(sql));
    }

    /// <summary>The <c>WHERE</c> clause of a partial index's <c>CREATE INDEX</c> statement.</summary>
    private static string PartialIndexFilter(string createIndexSql)
    {
        var match = WhereKeyword().Match(createIndexSql);
        return match.Success ? createIndexSql[(match.Index + match.Length)..].Trim() : createIndexSql;
    }

    /// <summary>
    /// The check constraints of a <c>CREATE TABLE</c> statement; SQLite keeps them only in the statement's text, so
    /// each <c>[CONSTRAINT name] CHECK (…)</c> is cut out with its balanced parentheses.
    /// </summary>
    internal static IReadOnlyList<CheckConstraintSchema> CheckConstraints(string createTableSql)
    {
        var result = new List<CheckConstraintSchema>();
        foreach (Match match in CheckClause().Matches(createTableSql))
        {
            var open = match.Index + match.Length - 1;
            var close = MatchingParenthesis(createTableSql, open);
            var name = match.Groups["name"].Success ? match.Groups["name"].Value.Trim('"') : "(unnamed)";
            result.Add(new CheckConstraintSchema(name, createTableSql[open..(close + 1)]));
        }

        return result;
    }

    private static int MatchingParenthesis(string sql, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote is not null)
            {
                // A doubled quote inside a literal is an escaped quote: it closes and reopens, which nets out.
                if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unbalanced parentheses after position {open} in: {sql}"));
    }

    private static async Task<List<T>> QueryAsync<T>(
        SqliteConnection connection,
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, string Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    [GeneratedRegex(@"\bAUTOINCREMENT\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AutoincrementKeyword();

    [GeneratedRegex(@"\sWHERE\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhereKeyword();

    [GeneratedRegex(@"(?:\bCONSTRAINT\s+(?<name>""(?:[^""]|"""")+""|\w+)\s+)?\bCHECK\s*\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckClause();
}
