using System.Data.Common;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>What the hand-written SQL of the hot reads and the audit append shares (ADR 0027, 0042).</summary>
public static class StoreSql
{
    /// <summary>A Guid as the mappings store it: <c>uuid</c> on PostgreSQL, upper-case text on SQLite.</summary>
    public static object Id(bool postgres, Guid value) => postgres ? value : value.ToString().ToUpperInvariant();

    /// <summary>
    /// Adds a parameter for the placeholder <c>@name</c>. The name is given with its <c>@</c>: Microsoft.Data.Sqlite binds
    /// each parameter by looking its name up in every statement of the command, and a name without the prefix costs three
    /// more look-ups (<c>@</c>, <c>$</c>, <c>:</c>) — each a scan over the statement's placeholders. Npgsql drops the prefix.
    /// </summary>
    public static void AddParameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(name);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name.StartsWith('@') ? name : "@" + name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
