using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace CaseWork.Benchmarks.Load;

/// <summary>What every scenario's bare ADO.NET endpoint needs: parameters and rows written as JSON, nothing more.</summary>
internal static class BareSql
{
    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The current row as a JSON object of strings (arrays joined with commas).</summary>
    public static void WriteRow(DbDataReader reader, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        for (var c = 0; c < reader.FieldCount; c++)
        {
            json.WritePropertyName(reader.GetName(c));
            if (reader.IsDBNull(c))
            {
                json.WriteNullValue();
            }
            else
            {
                var value = reader.GetValue(c);
                json.WriteStringValue(Convert.ToString(value is Array array ? string.Join(",", array.Cast<object>()) : value, CultureInfo.InvariantCulture));
            }
        }

        json.WriteEndObject();
    }

    /// <summary>Runs the command and writes every row into a JSON array; returns how many rows it wrote.</summary>
    public static async Task<int> WriteRowsAsync(DbCommand command, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        json.WriteStartArray();
        while (await reader.ReadAsync(cancellationToken))
        {
            WriteRow(reader, json);
            rows++;
        }

        json.WriteEndArray();
        return rows;
    }
}
