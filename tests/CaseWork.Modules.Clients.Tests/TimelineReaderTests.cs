using System.Text.Json;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.ReadCaseFile;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Tests.Domain;
using CaseWork.TestKit;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Tests;

/// <summary>
/// The hand-written timeline read (ADR 0027) answers exactly what the entity mapping answers: the same client view,
/// named and pseudonymised, and the same notes in the same order for every filter, on both providers; nothing of
/// another office, nothing without an office.
/// </summary>
public sealed class TimelineReaderTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Reads_the_same_client_and_notes_as_the_entity_mapping_for_every_filter(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "timeline");
        var office = OfficeId.New();
        await using var db = await MigratedAsync(database, office);
        var full = Client.Register(office, DomainFixtures.Details() with { DateOfBirth = DateOfBirth.Full(new DateOnly(1994, 2, 28)) }, Start, PseudonymCode.New());
        var sparse = Client.Register(office, DomainFixtures.Details("Олена", "Коваль", "Olena", "Koval") with
        {
            DateOfBirth = DateOfBirth.Unknown, OtherNames = [], Nationalities = [], Languages = [], PreferredLanguage = null,
            Interpreter = InterpreterPreferences.None, ContactChannels = [], ResidenceStatusExpiresOn = null, Household = [],
        }, Start, PseudonymCode.New());
        var anonymised = Client.Register(office, DomainFixtures.Details("Ion", "Popescu", "Ion", "Popescu"), Start, PseudonymCode.New());
        anonymised.Anonymise("erasure request", Start.AddDays(1));
        db.Clients.AddRange(full, sparse, anonymised);
        db.Notes.AddRange(Notes(full, 61));
        db.Notes.AddRange(Notes(anonymised, 3));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        ITimelineFilter[] filters =
        [
            new ReadTimeline(full.Id),
            new ReadTimeline(full.Id, NoteType: "PhoneCall"),
            new ReadTimeline(full.Id, Topic: "housing"),
            new ReadTimeline(full.Id, Before: Start.AddHours(20)),
            new ReadTimeline(full.Id, NoteType: "conversation", Topic: "debts", Before: Start.AddHours(50)),
            new ReadTimeline(full.Id, Before: Start.AddHours(20).ToOffset(TimeSpan.FromHours(1))),
        ];
        foreach (var client in new[] { full, sparse, anonymised })
        {
            foreach (var filter in filters)
            {
                var page = await TimelineReader.ReadAsync(db, client.Id, filter, ReadCaseFile.TimelinePageSize, CancellationToken.None);
                var entity = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == client.Id);
                var expectedNotes = await ExpectedNotesAsync(db, client.Id, filter);

                Assert.NotNull(page);
                foreach (var named in new[] { true, false })
                {
                    Assert.Equal(Json(ClientView.Of(entity, named)), Json(ClientView.Of(page.Client, named)));
                    Assert.Equal(
                        Json(expectedNotes.Take(ReadCaseFile.TimelinePageSize).Select(n => Stored(n).View(named))),
                        Json(page.Notes.Select(n => n.View(named))));
                }

                Assert.Equal(expectedNotes.Count > ReadCaseFile.TimelinePageSize, page.MoreNotes);
            }
        }

        // The filters really filter, and the first page of 61 notes says there are more.
        var first = await TimelineReader.ReadAsync(db, full.Id, filters[0], ReadCaseFile.TimelinePageSize, CancellationToken.None);
        Assert.True(first!.MoreNotes);
        Assert.Equal(ReadCaseFile.TimelinePageSize, first.Notes.Count);
        var phoneCalls = await TimelineReader.ReadAsync(db, full.Id, filters[1], ReadCaseFile.TimelinePageSize, CancellationToken.None);
        Assert.NotEmpty(phoneCalls!.Notes);
        Assert.All(phoneCalls.Notes, n => Assert.Equal(NoteType.PhoneCall, n.Type));
        Assert.False(phoneCalls.MoreNotes);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Paging_by_the_last_notes_time_and_id_shows_every_note_once_even_when_many_share_a_moment(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "timeline");
        var office = OfficeId.New();
        await using var db = await MigratedAsync(database, office);
        var client = Client.Register(office, DomainFixtures.Details(), Start, PseudonymCode.New());
        db.Clients.Add(client);
        // 130 notes at four moments (e.g. imported or written up together): every page boundary falls inside a tie.
        var written = Enumerable.Range(0, 130)
            .Select(i => CaseNote.Write(client, NoteType.Conversation, Start.AddDays(i % 4), null, [], $"Notiz {i}", null, Start.AddDays(5)))
            .ToList();
        db.Notes.AddRange(written);
        await db.SaveChangesAsync();

        var seen = new List<Guid>();
        var pages = 0;
        ReadTimeline filter = new(client.Id);
        TimelineReader.Page page;
        do
        {
            page = (await TimelineReader.ReadAsync(db, client.Id, filter, ReadCaseFile.TimelinePageSize, CancellationToken.None))!;
            pages++;
            seen.AddRange(page.Notes.Select(n => n.Id));
            Assert.True(page.Notes.Zip(page.Notes.Skip(1)).All(pair => pair.First.OccurredAt >= pair.Second.OccurredAt), "newest first");
            filter = new ReadTimeline(client.Id, Before: page.Notes[^1].OccurredAt, BeforeId: page.Notes[^1].Id);
        }
        while (page.MoreNotes);

        Assert.Equal(3, pages);
        Assert.Equal(written.Select(n => n.Id).Order(), seen.Order());

        // Without the id the old cursor drops the rest of the boundary's moment: the reason the id is part of it.
        var firstPage = (await TimelineReader.ReadAsync(db, client.Id, new ReadTimeline(client.Id), ReadCaseFile.TimelinePageSize, CancellationToken.None))!;
        var byTimeOnly = await TimelineReader.ReadAsync(db, client.Id, new ReadTimeline(client.Id, Before: firstPage.Notes[^1].OccurredAt), 200, CancellationToken.None);
        Assert.True(firstPage.Notes.Count + byTimeOnly!.Notes.Count < written.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Finds_nothing_of_another_office_nor_without_an_office(DatabaseProvider provider)
    {
        await using var database = await ThrowawayDatabase.CreateAsync(provider, "timeline");
        var office = OfficeId.New();
        await using var db = await MigratedAsync(database, office);
        var client = Client.Register(office, DomainFixtures.Details(), Start, PseudonymCode.New());
        db.Clients.Add(client);
        db.Notes.AddRange(Notes(client, 2));
        await db.SaveChangesAsync();

        var filter = new ReadTimeline(client.Id);
        Assert.NotNull(await TimelineReader.ReadAsync(db, client.Id, filter, ReadCaseFile.TimelinePageSize, CancellationToken.None));
        Assert.Null(await TimelineReader.ReadAsync(db, ClientId.New(), filter, ReadCaseFile.TimelinePageSize, CancellationToken.None));
        db.WithCurrentUser(TestCurrentUser.Streetworker(OfficeId.New()));
        Assert.Null(await TimelineReader.ReadAsync(db, client.Id, filter, ReadCaseFile.TimelinePageSize, CancellationToken.None));
        db.WithCurrentUser(null);
        Assert.Null(await TimelineReader.ReadAsync(db, client.Id, filter, ReadCaseFile.TimelinePageSize, CancellationToken.None));
    }

    /// <summary>Notes of every type and topic, two at the same moment (the tie goes by id), some without duration or author.</summary>
    private static IEnumerable<CaseNote> Notes(Client client, int count)
    {
        var types = Enum.GetValues<NoteType>();
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddHours(i == 1 ? 0 : i);
            var note = CaseNote.Write(client, types[i % types.Length], at, i % 4 == 0 ? null : 15 * i, [NeedAreas.All[i % NeedAreas.All.Count], NeedAreas.All[(i + 3) % NeedAreas.All.Count]],
                $"Gespräch {i}: «Wohnung» – ‏نص عربي‏", i % 5 == 0 ? null : UserId.New(), at.AddMinutes(5));
            if (i % 7 == 0)
            {
                note.KeepByLaw();
            }

            yield return note;
        }
    }

    /// <summary>The reference: the timeline as the entity mapping reads it.</summary>
    private static async Task<List<CaseNote>> ExpectedNotesAsync(ClientsDbContext db, ClientId client, ITimelineFilter filter)
    {
        var notes = db.Notes.AsNoTracking().Where(n => n.ClientId == client);
        if (!string.IsNullOrWhiteSpace(filter.NoteType))
        {
            var type = InputEnum.Parse(filter.NoteType, NoteType.Other);
            notes = notes.Where(n => n.Type == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.Topic))
        {
            var topic = filter.Topic;
            notes = notes.Where(n => n.Topics.Contains(topic));
        }

        if (filter.Before is { } before)
        {
            // Compared as an instant: the reader takes a "before" with any offset (the converter stores UTC on SQLite).
            var instant = before.ToUniversalTime();
            notes = notes.Where(n => n.OccurredAt < instant);
        }

        return await notes.OrderByDescending(n => n.OccurredAt).ThenByDescending(n => n.Id).Take(ReadCaseFile.TimelinePageSize + 1).ToListAsync();
    }

    /// <summary>The entity's fields as the reader's row, so both go through the one view mapping.</summary>
    private static TimelineReader.StoredNote Stored(CaseNote n) =>
        new(n.Id, n.Type, n.OccurredAt, n.DurationMinutes, n.Topics, n.Text, n.Author?.Value, n.KeptByLaw);

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static async Task<ClientsDbContext> MigratedAsync(ThrowawayDatabase database, OfficeId office)
    {
        var options = new DbContextOptionsBuilder<ClientsDbContext>();
        options.UseCaseWorkStore(database.Options, ClientsDbContext.StoreDescriptor);
        var db = new ClientsDbContext(options.Options).WithCurrentUser(TestCurrentUser.Streetworker(office));
        await db.Database.MigrateAsync();
        return db;
    }
}
