using System.Data.Common;
using System.Text.Json;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;

namespace CaseWork.Modules.Clients.Features.ReadCaseFile;

/// <summary>
/// The hottest read of the office — a client and one page of their notes, behind every case-file and timeline request —
/// in hand-written SQL on the module's own connection: one round trip with two statements, read straight into the views
/// (ADR 0027). Same office scope as the query filters (<see cref="BuildingBlocks.Infrastructure.Persistence.ModuleDbContext.ScopedOffice"/>),
/// same order and filters as the mapped query; <c>TimelineReaderTests</c> hold both to the entity mapping on both
/// providers, so a column added to the client or note mapping fails there until it is read here as well.
/// </summary>
internal static class TimelineReader
{
    private const string ClientColumns =
        "id, pseudonym_code, version, state, merged_into, given_names, family_names, given_names_latin, family_names_latin, " +
        "other_names, birth_precision, birth_year, birth_date, gender, nationalities, languages, preferred_language, interpreter, " +
        "contact_channels, reminder_channel, residence_status, residence_status_expires_on, housing, household, registered_at";

    private const string NoteColumns = "id, type, occurred_at, duration_minutes, topics, text, author, kept_by_law";

    /// <summary>One page of the timeline with its client, or null when the client is not in the reader's office.</summary>
    public sealed record Page(StoredClient Client, IReadOnlyList<StoredNote> Notes, bool MoreNotes);

    /// <summary>A note as stored; <see cref="View"/> shows it to a reader.</summary>
    public sealed record StoredNote(Guid Id, NoteType Type, DateTimeOffset OccurredAt, int? DurationMinutes, IReadOnlyList<string> Topics, string Text, Guid? Author, bool KeptByLaw)
    {
        public NoteView View(bool named) => new(Id, Type.ToString(), OccurredAt, DurationMinutes, Topics, named ? Text : null, Author, KeptByLaw);
    }

    /// <summary>
    /// The client and the newest <paramref name="pageSize"/> notes matching <paramref name="filter"/> (newest first, ties by
    /// id); <see cref="Page.MoreNotes"/> when older ones match too.
    /// </summary>
    public static async Task<Page?> ReadAsync(ClientsDbContext db, ClientId clientId, ITimelineFilter filter, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (db.ScopedOffice is not { } office)
        {
            return null;
        }

        var postgres = db.OnPostgres;
        return await StoreSql.WithCommandAsync(db, async command =>
        {
            command.CommandText = Sql(postgres, filter, command, pageSize);
            StoreSql.AddParameter(command, "id", StoreSql.Id(postgres, clientId.Value));
            StoreSql.AddParameter(command, "office", StoreSql.Id(postgres, office.Value));

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var client = ReadClient(reader);
            await reader.NextResultAsync(cancellationToken);
            var notes = new List<StoredNote>(pageSize + 1);
            while (await reader.ReadAsync(cancellationToken))
            {
                notes.Add(ReadNote(reader, postgres));
            }

            var more = notes.Count > pageSize;
            if (more)
            {
                notes.RemoveAt(pageSize);
            }

            return new Page(client, notes, more);
        }, cancellationToken);
    }

    /// <summary>The two statements of a read, with the filter's parameters added to <paramref name="command"/> (id and office are added by the caller).</summary>
    internal static string Sql(bool postgres, ITimelineFilter filter, DbCommand command, int pageSize)
    {
        var schema = postgres ? ClientsDbContext.StoreDescriptor.Schema + "." : "";
        var conditions = "client_id = @id AND office_id = @office";
        if (!string.IsNullOrWhiteSpace(filter.NoteType))
        {
            conditions += " AND type = @type";
            StoreSql.AddParameter(command, "type", InputEnum.Parse(filter.NoteType, NoteType.Other).ToString());
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            conditions += postgres ? " AND @topic = ANY(topics)" : " AND EXISTS (SELECT 1 FROM json_each(topics) WHERE value = @topic)";
            StoreSql.AddParameter(command, "topic", filter.Topic);
        }

        if (filter.Before is { } before)
        {
            // The cursor is the last note shown: (time, id) in the timeline's own order, so notes sharing that time are
            // neither skipped nor repeated. A row value keeps the read on the (client, time, id) index on both providers.
            conditions += filter.BeforeId is null ? " AND occurred_at < @before" : " AND (occurred_at, id) < (@before, @beforeId)";
            // As the mapping binds it: a UTC timestamptz on PostgreSQL, the stored UTC text on SQLite (UtcInstantTextConverter).
            StoreSql.AddParameter(command, "before", postgres ? StorePrecision.Truncate(before) : UtcInstantTextConverter.ToText(before));
            if (filter.BeforeId is { } beforeId)
            {
                StoreSql.AddParameter(command, "beforeId", StoreSql.Id(postgres, beforeId));
            }
        }

        return $"SELECT {ClientColumns} FROM {schema}clients WHERE id = @id AND office_id = @office;\n" +
               $"SELECT {NoteColumns} FROM {schema}case_notes WHERE {conditions} ORDER BY occurred_at DESC, id DESC LIMIT {pageSize + 1}";
    }

    private static StoredClient ReadClient(DbDataReader reader) => new(
        ClientId.From(reader.GetGuid(0)),
        reader.GetString(1),
        reader.GetInt32(2),
        Enum.Parse<ClientState>(reader.GetString(3)),
        reader.IsDBNull(4) ? null : ClientId.From(reader.GetGuid(4)),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        JsonColumn.Read<List<string>>(reader.GetString(9)),
        DateOfBirth.Of(
            Enum.Parse<DateOfBirthPrecision>(reader.GetString(10)),
            reader.IsDBNull(11) ? null : reader.GetInt32(11),
            reader.IsDBNull(12) ? null : reader.GetFieldValue<DateOnly>(12)),
        Enum.Parse<StatedGender>(reader.GetString(13)),
        JsonColumn.Read<List<string>>(reader.GetString(14)),
        JsonColumn.Read<List<LanguageSkill>>(reader.GetString(15)),
        reader.IsDBNull(16) ? null : reader.GetString(16),
        JsonColumn.Read<InterpreterPreferences>(reader.GetString(17)),
        JsonColumn.Read<List<ContactChannel>>(reader.GetString(18)),
        Enum.Parse<ReminderChannelKind>(reader.GetString(19)),
        Enum.Parse<ResidenceStatusKind>(reader.GetString(20)),
        reader.IsDBNull(21) ? null : reader.GetFieldValue<DateOnly>(21),
        Enum.Parse<HousingSituation>(reader.GetString(22)),
        JsonColumn.Read<List<HouseholdMember>>(reader.GetString(23)),
        StoreSql.ReadInstant(reader, 24));

    private static StoredNote ReadNote(DbDataReader reader, bool postgres) => new(
        reader.GetGuid(0),
        Enum.Parse<NoteType>(reader.GetString(1)),
        StoreSql.ReadInstant(reader, 2),
        reader.IsDBNull(3) ? null : reader.GetInt32(3),
        postgres ? reader.GetFieldValue<string[]>(4) : JsonSerializer.Deserialize<string[]>(reader.GetString(4))!,
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetGuid(6),
        reader.GetBoolean(7));
}
