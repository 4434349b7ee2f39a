using System.Globalization;
using Npgsql;

namespace CaseWork.Benchmarks;

/// <summary>Command-line options shared by the scenarios.</summary>
internal static class Cli
{
    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? Value(string[] arguments, string name)
    {
        var index = Array.IndexOf(arguments, name);
        return index >= 0 && index + 1 < arguments.Length ? arguments[index + 1] : null;
    }

    /// <summary>Whether a flag is present.</summary>
    public static bool Flag(string[] arguments, string name) => Array.IndexOf(arguments, name) >= 0;

    /// <summary>An integer option with a default.</summary>
    public static int Int(string[] arguments, string name, int fallback) =>
        Value(arguments, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}

/// <summary>A scratch PostgreSQL database per run, created and dropped with the admin connection string given.</summary>
internal static class PostgresScratch
{
    /// <summary>Runs one statement as the admin (CREATE/DROP DATABASE).</summary>
    public static async Task ExecuteAdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Creates a database and returns its connection string (pool sized near the core count: DESIGN.md).</summary>
    public static async Task<string> CreateAsync(string adminConnectionString, string purpose, int maxPoolSize = 8)
    {
        var database = $"cw_bench_{purpose}_{Guid.NewGuid():N}";
        await ExecuteAdminAsync(adminConnectionString, $"CREATE DATABASE \"{database}\"");
        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    /// <summary>
    /// A database kept between runs (<c>--keep</c>): created when missing, never dropped, so a scenario can reuse
    /// data that took minutes to generate.
    /// </summary>
    public static async Task<string> KeptAsync(string adminConnectionString, string database, int maxPoolSize = 8)
    {
        await using (var connection = new NpgsqlConnection(adminConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        return new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    /// <summary>Runs <paramref name="run"/> on a scratch database (its connection string), dropped afterwards even on failure.</summary>
    public static async Task WithDatabaseAsync(string adminConnectionString, string purpose, Func<string, Task> run)
    {
        var connection = await CreateAsync(adminConnectionString, purpose);
        try
        {
            await run(connection);
        }
        finally
        {
            await DropAsync(adminConnectionString, connection);
        }
    }

    /// <summary>Drops the database behind <paramref name="connectionString"/>.</summary>
    public static async Task DropAsync(string adminConnectionString, string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAdminAsync(adminConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }
}

/// <summary>Prints a Markdown table.</summary>
internal static class Table
{
    public static void Print(string[] header, IReadOnlyList<string[]> table)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, table.Count == 0 ? 0 : table.Max(r => r[i].Length))).ToArray();
        Console.WriteLine("| " + string.Join(" | ", header.Select((h, i) => h.PadRight(widths[i]))) + " |");
        Console.WriteLine("| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |");
        foreach (var row in table)
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((c, i) => c.PadRight(widths[i]))) + " |");
        }
    }
}
