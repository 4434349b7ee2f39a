using Microsoft.EntityFrameworkCore;

namespace CaseWork.TestKit;

/// <summary>SQLite's plan for a LINQ query, for tests that pin a query to its index (no scan, no temp B-tree).</summary>
public static class SqlitePlans
{
    /// <summary>
    /// The <c>EXPLAIN QUERY PLAN</c> rows (their detail column) of <paramref name="queryWithParameters"/>, the text
    /// <c>ToQueryString()</c> gives: its ".param set @p 'value'" lines are bound as parameters.
    /// </summary>
    public static async Task<List<string>> ExplainAsync(DbContext db, string queryWithParameters)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(queryWithParameters);
        const string Declaration = ".param set ";
        var lines = queryWithParameters.Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var line in lines.Where(l => l.StartsWith(Declaration, StringComparison.Ordinal)))
        {
            var parts = line[Declaration.Length..].Split(' ', 2);
            var parameter = command.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1].Trim('\'');
            command.Parameters.Add(parameter);
        }

        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(Declaration, StringComparison.Ordinal)));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(3));
        }

        return rows;
    }
}
