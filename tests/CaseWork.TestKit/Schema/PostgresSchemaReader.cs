using System.Globalization;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Npgsql;

namespace CaseWork.TestKit.Schema;

/// <summary>Reads one PostgreSQL schema from <c>pg_catalog</c>.</summary>
internal static class PostgresSchemaReader
{
    private const string TablesSql = """
        SELECT c.relname
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p')
        """;

    private const string ColumnsSql = """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text,
               CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN co.collname::text END
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE n.nspname = @schema AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        """;

    // Primary keys, unique constraints, foreign keys and check constraints, with their columns in key order.
    private const string ConstraintsSql = """
        SELECT cl.relname, con.conname, con.contype::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               rn.nspname::text, rc.relname::text,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord),
               con.confdeltype::text, con.confupdtype::text,
               CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END
        FROM pg_constraint con
        JOIN pg_class cl ON cl.oid = con.conrelid
        JOIN pg_namespace n ON n.oid = cl.relnamespace
        LEFT JOIN pg_class rc ON rc.oid = con.confrelid
        LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
        WHERE n.nspname = @schema AND con.contype IN ('p', 'u', 'f', 'c')
        """;

    // Indexes that do not back a primary key, unique or exclusion constraint (those are read as constraints).
    private const string IndexesSql = """
        SELECT t.relname, i.relname, ix.indisunique, am.amname::text,
               ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true) || CASE WHEN (ix.indoption[k - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                     FROM generate_series(1, ix.indnkeyatts) k ORDER BY k),
               ARRAY(SELECT pg_get_indexdef(ix.indexrelid, k, true)
                     FROM generate_series(ix.indnkeyatts + 1, ix.indnatts) k ORDER BY k),
               pg_get_expr(ix.indpred, ix.indrelid, true)
        FROM pg_index ix
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_am am ON am.oid = i.relam
        WHERE n.nspname = @schema
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))
        """;

    // Sequences of identity columns are described by their column; the others (HasSequence, serial) stand alone.
    private const string SequencesSql = """
        SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle
        FROM pg_sequence s
        JOIN pg_class c ON c.oid = s.seqrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = @schema
          AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'i')
        """;

    private const string EnumsSql = """
        SELECT t.typname::text, ARRAY_AGG(e.enumlabel::text ORDER BY e.enumsortorder)
        FROM pg_type t
        JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = @schema
        GROUP BY t.typname
        """;

    // Extensions belong to the database, not to a schema; a store that needs one (pg_trgm) declares it in its model.
    private const string ExtensionsSql = "SELECT extname::text FROM pg_extension WHERE extname <> 'plpgsql'";

    public static async Task<SchemaSnapshot> ReadAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        var tableNames = (await QueryAsync(connection, TablesSql, schema, r => r.GetString(0), cancellationToken))
            .Where(name => !SchemaSnapshot.IgnoredTables.Contains(name))
            .ToHashSet(StringComparer.Ordinal);

        var columns = await QueryAsync(connection, ColumnsSql, schema, r => (Table: r.GetString(0), Column: ReadColumn(r)), cancellationToken);
        var constraints = await QueryAsync(connection, ConstraintsSql, schema, r => new
        {
            Table = r.GetString(0),
            Name = r.GetString(1),
            Kind = r.GetString(2),
            Columns = r.GetFieldValue<string[]>(3),
            ReferencedSchema = r.IsDBNull(4) ? null : r.GetString(4),
            ReferencedTable = r.IsDBNull(5) ? null : r.GetString(5),
            ReferencedColumns = r.GetFieldValue<string[]>(6),
            OnDelete = ReferentialAction(r.GetString(7)),
            OnUpdate = ReferentialAction(r.GetString(8)),
            Definition = r.IsDBNull(9) ? null : r.GetString(9),
        }, cancellationToken);
        var indexes = await QueryAsync(connection, IndexesSql, schema, r => (
            Table: r.GetString(0),
            Index: new IndexSchema(
                r.GetString(1),
                r.GetFieldValue<string[]>(4),
                r.GetBoolean(2),
                r.GetString(3) == "btree" ? null : r.GetString(3),
                r.GetFieldValue<string[]>(5),
                r.IsDBNull(6) ? null : r.GetString(6))), cancellationToken);

        var tables = tableNames.Select(table =>
        {
            var own = constraints.Where(c => c.Table == table).ToList();
            var primaryKey = own.SingleOrDefault(c => c.Kind == "p");
            return new TableSchema(
                table,
                columns.Where(c => c.Table == table).Select(c => c.Column).ToList(),
                primaryKey is null ? null : new KeySchema(primaryKey.Name, primaryKey.Columns),
                own.Where(c => c.Kind == "u").Select(c => new KeySchema(c.Name, c.Columns)).ToList(),
                indexes.Where(i => i.Table == table).Select(i => i.Index).ToList(),
                own.Where(c => c.Kind == "f")
                    .Select(c => new ForeignKeySchema(c.Name, c.Columns, c.ReferencedSchema, c.ReferencedTable!, c.ReferencedColumns, c.OnDelete, c.OnUpdate))
                    .ToList(),
                own.Where(c => c.Kind == "c").Select(c => new CheckConstraintSchema(c.Name, c.Definition!)).ToList());
        }).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

        var objects = new List<string>();
        objects.AddRange(await QueryAsync(connection, SequencesSql, schema, r => string.Create(
            CultureInfo.InvariantCulture,
            $"sequence {r.GetString(0)} {r.GetString(1)} START {r.GetInt64(2)} INCREMENT {r.GetInt64(3)} MIN {r.GetInt64(4)} MAX {r.GetInt64(5)}{(r.GetBoolean(6) ? " CYCLE" : "")}"), cancellationToken));
        objects.AddRange(await QueryAsync(connection, EnumsSql, schema, r => $"enum {r.GetString(0)} ({string.Join(", ", r.GetFieldValue<string[]>(1))})", cancellationToken));
        objects.AddRange(await QueryAsync(connection, ExtensionsSql, schema, r => $"extension {r.GetString(0)}", cancellationToken));
        return new SchemaSnapshot(DatabaseProvider.Postgres, tables, objects);
    }

    private static ColumnSchema ReadColumn(NpgsqlDataReader r)
    {
        var expression = r.IsDBNull(4) ? null : r.GetString(4);
        var generated = r.GetString(6) switch
        {
            "s" => $"GENERATED ALWAYS AS ({expression}) STORED",
            "v" => $"GENERATED ALWAYS AS ({expression}) VIRTUAL",
            _ => null,
        };
        var identity = r.GetString(5) switch
        {
            "a" => "GENERATED ALWAYS AS IDENTITY",
            "d" => "GENERATED BY DEFAULT AS IDENTITY",
            _ => null,
        };
        return new ColumnSchema(
            r.GetString(1),
            r.GetString(2),
            r.GetBoolean(3),
            generated is null ? expression : null,
            generated ?? identity,
            r.IsDBNull(7) ? null : r.GetString(7));
    }

    private static string ReferentialAction(string code) => code switch
    {
        "a" => "NO ACTION",
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        " " or "" => "",
        _ => code,
    };

    private static async Task<List<T>> QueryAsync<T>(
        NpgsqlConnection connection,
        string sql,
        string schema,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("schema", schema);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
