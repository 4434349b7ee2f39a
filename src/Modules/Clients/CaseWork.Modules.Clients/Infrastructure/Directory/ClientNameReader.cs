using System.Data.Common;
using System.Globalization;
using System.Text;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Infrastructure.Persistence;

namespace CaseWork.Modules.Clients.Infrastructure.Directory;

/// <summary>
/// The names other modules show for many clients at once (<see cref="ClientDirectory.GetDisplayNamesAsync"/>,
/// <see cref="ClientDirectory.GetInitialsAsync"/>: every agenda request, the interpreters' job lists) in hand-written SQL on
/// the module's own connection: one statement per provider that reads the asked records of the office and, for a merged
/// record, its survivor in the same office (ADR 0040). Ids as the mapping stores them (<c>uuid</c> on PostgreSQL, bound as
/// one array; upper-case text on SQLite, bound one parameter each), the state as its name. <c>ClientNameReaderTests</c> hold
/// it to the entity query on both providers, so a change to the name, state or merge mapping fails there until it is read
/// here as well.
/// </summary>
internal static class ClientNameReader
{
    /// <summary>At most this many ids per SQLite statement (one parameter each; SQLite allows 32,766).</summary>
    internal const int SqliteIdsPerStatement = 500;

    /// <summary>
    /// The names shown for each asked id of <paramref name="office"/>: the record's own, or for a merged record its survivor's
    /// (left out when the survivor is not in the office). Ids not in the office are left out.
    /// </summary>
    public static async Task<Dictionary<ClientId, ShownName>> ReadAsync(
        ClientsDbContext db, OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clients);
        var ids = clients.Select(c => c.Value).Distinct().ToList();
        var result = new Dictionary<ClientId, ShownName>(ids.Count);
        if (ids.Count == 0)
        {
            return result;
        }

        var postgres = db.OnPostgres;
        return await StoreSql.OnConnectionAsync(db, async newCommand =>
        {
            var chunk = postgres ? ids.Count : SqliteIdsPerStatement;
            for (var offset = 0; offset < ids.Count; offset += chunk)
            {
                await using var command = newCommand();
                command.CommandText = postgres ? PostgresSql(command, office, ids) : SqliteSql(command, office, ids, offset, Math.Min(chunk, ids.Count - offset));
                await ReadRowsAsync(command, result, cancellationToken);
            }

            return result;
        }, cancellationToken);
    }

    private static async Task ReadRowsAsync(DbCommand command, Dictionary<ClientId, ShownName> result, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = ClientId.From(reader.GetGuid(0));
            var state = Enum.Parse<ClientState>(reader.GetString(1));
            if (state == ClientState.Merged && !reader.IsDBNull(2))
            {
                // The survivor's columns (5–7) are null when it is not in the office: then nothing is shown.
                if (!reader.IsDBNull(5))
                {
                    result[id] = new ShownName(reader.GetString(6), reader.GetString(7), Enum.Parse<ClientState>(reader.GetString(5)));
                }
            }
            else
            {
                result[id] = new ShownName(reader.GetString(3), reader.GetString(4), state);
            }
        }
    }

    private const string Columns =
        "SELECT c.id, c.state, c.merged_into, c.given_names_latin, c.family_names_latin, s.state, s.given_names_latin, s.family_names_latin\n";

    /// <summary>The survivor is joined only for a merged record, on its key and the same office.</summary>
    private static string From(string schema) =>
        $"FROM {schema}clients AS c\n" +
        $"LEFT JOIN {schema}clients AS s ON c.state = '{nameof(ClientState.Merged)}' AND s.id = c.merged_into AND s.office_id = @office\n";

    /// <summary>PostgreSQL: the ids as one <c>uuid[]</c> (one statement text whatever the count).</summary>
    internal static string PostgresSql(DbCommand command, OfficeId office, IReadOnlyList<Guid> ids)
    {
        StoreSql.AddParameter(command, "office", office.Value);
        StoreSql.AddParameter(command, "ids", ids as Guid[] ?? [.. ids]);
        return Columns + From(ClientsDbContext.StoreDescriptor.Schema + ".") + "WHERE c.office_id = @office AND c.id = ANY(@ids)";
    }

    /// <summary>SQLite: ids <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> as upper-case text, one parameter each.</summary>
    internal static string SqliteSql(DbCommand command, OfficeId office, IReadOnlyList<Guid> ids, int offset, int count)
    {
        StoreSql.AddParameter(command, "office", Text(office.Value));
        var sql = new StringBuilder(Columns.Length + 200 + (count * 6));
        sql.Append(Columns).Append(From("")).Append("WHERE c.office_id = @office AND c.id IN (");
        for (var i = 0; i < count; i++)
        {
            var name = "i" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "@" : ", @").Append(name);
            StoreSql.AddParameter(command, name, Text(ids[offset + i]));
        }

        return sql.Append(')').ToString();
    }

    /// <summary>Ids as the mapping stores them on SQLite: upper-case text.</summary>
    private static string Text(Guid value) => value.ToString().ToUpperInvariant();
}

/// <summary>The names shown for a client (a merged record's survivor's) and the shown record's state.</summary>
internal sealed record ShownName(string GivenNamesLatin, string FamilyNamesLatin, ClientState State)
{
    public string DisplayName => Client.DisplayNameOf(State, GivenNamesLatin, FamilyNamesLatin);

    public bool IsAnonymised => State == ClientState.Anonymised;

    public string Initials => Client.InitialsOf(GivenNamesLatin, FamilyNamesLatin);
}
