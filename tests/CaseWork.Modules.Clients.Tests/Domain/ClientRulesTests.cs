using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using static CaseWork.Modules.Clients.Tests.Domain.DomainFixtures;

namespace CaseWork.Modules.Clients.Tests.Domain;

public sealed class ClientRulesTests
{
    [Fact]
    public void Registration_keeps_names_as_written_and_in_Latin_and_builds_a_search_key_across_scripts()
    {
        var client = NewClient();

        Assert.Equal("محمد", client.GivenNames);
        Assert.Equal("Mohammed", client.GivenNamesLatin);
        Assert.Equal("Mohammed Al-Ahmad", client.DisplayName);
        Assert.Matches("^K-[2-9A-Z]{4}-[2-9A-Z]{2}$", client.PseudonymCode);
        // The Arabic spelling and the Latin one share the consonant skeleton of "Muhammad".
        var muhammad = ClientSearchKey.QueryWords("Muhammad").Single();
        Assert.Contains(" " + muhammad.Skeleton, client.SearchKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_without_a_Latin_form_are_transliterated()
    {
        var client = NewClient(Details("Олександр", "Шевченко", null, null));

        Assert.Equal("Oleksandr", client.GivenNamesLatin);
        Assert.StartsWith("Sh", client.FamilyNamesLatin, StringComparison.Ordinal);
    }

    [Fact]
    public void Change_reports_whether_what_other_modules_read_changed()
    {
        var details = Details();
        var client = NewClient(details);

        Assert.False(client.Change(details with { Housing = HousingSituation.OwnFlat }));
        Assert.True(client.Change(details with { ReminderChannel = ReminderChannelKind.Email }));
    }

    [Fact]
    public void Anonymisation_removes_identity_and_keeps_statistics()
    {
        var client = NewClient();
        var caseFile = CaseFile.Open(client, new DateOnly(2022, 1, 10), null);
        caseFile.Close(new DateOnly(2023, 1, 10), ClosingReason.GoalsAchieved, "Familie Ahmad zieht nach Köln").Value.ToString();
        var note = CaseNote.Write(client, NoteType.Conversation, Now, 45, [NeedAreas.Housing], "Herr Ahmad wohnt in der GU Nord", null, Now);
        var need = Need.Record(client, NeedAreas.Housing, "Wohnung in Köln gesucht", new DateOnly(2022, 2, 1));
        need.ChangeStatus(NeedStatus.Resolved, new DateOnly(2022, 9, 1));
        var goal = Goal.Agree(client, "Wohnung finden", ["Anmeldung bei der Wohnungsbörse"], new DateOnly(2022, 6, 1), need.Id, new DateOnly(2022, 2, 1), null);
        goal.Complete(new DateOnly(2022, 8, 1), achieved: true);
        var code = client.PseudonymCode;

        Anonymisation.Apply(client, caseFile, [note, need, goal], Anonymisation.RetentionReason, Now);

        Assert.True(client.IsAnonymised);
        Assert.Equal(Client.AnonymisedName, client.DisplayName);
        Assert.Equal(Client.AnonymisedName, client.GivenNames);
        Assert.Empty(client.OtherNames);
        Assert.Equal(DateOfBirth.Unknown, client.DateOfBirth);
        Assert.Empty(client.ContactChannels);
        Assert.Empty(client.Household);
        Assert.Empty(client.Nationalities);
        Assert.Empty(client.Interpreter.ExcludedInterpreters);
        Assert.Equal("", client.SearchKey);
        Assert.Equal(Anonymisation.RetentionReason, client.AnonymisationReason);
        Assert.Null(caseFile.ClosingNote);
        Assert.Equal("", note.Text);
        Assert.Null(need.Description);
        Assert.Equal("", goal.Title);
        // Statistics stay.
        Assert.Equal(code, client.PseudonymCode);
        Assert.Equal(ClosingReason.GoalsAchieved, caseFile.ClosingReason);
        Assert.Equal(NoteType.Conversation, note.Type);
        Assert.Equal(45, note.DurationMinutes);
        Assert.Equal([NeedAreas.Housing], note.Topics);
        Assert.Equal(NeedAreas.Housing, need.Area);
        Assert.Equal(NeedStatus.Resolved, need.Status);
        Assert.True(goal.Achieved);
        Assert.Equal("ar", Assert.Single(client.Languages).Code);
    }

    [Fact]
    public void An_erasure_keeps_the_note_texts_the_law_requires()
    {
        var client = NewClient();
        var kept = CaseNote.Write(client, NoteType.DocumentReceived, Now, null, [], "Bescheid über Leistungen erhalten", null, Now);
        var other = CaseNote.Write(client, NoteType.Conversation, Now, null, [], "Gespräch", null, Now);
        kept.KeepByLaw();

        Anonymisation.Apply(client, null, [kept, other], "erasure request", Now);

        Assert.Equal("Bescheid über Leistungen erhalten", kept.Text);
        Assert.Equal("", other.Text);
    }

    [Fact]
    public void Merge_points_the_merged_record_to_the_survivor_and_the_survivor_learns_its_names()
    {
        var survivor = NewClient(Details("Mohammed", "Ahmad", null, null));
        var merged = Client.Register(survivor.OfficeId, Details("Muhamad", "Achmad", null, null), Now, PseudonymCode.New());
        var note = CaseNote.Write(merged, NoteType.PhoneCall, Now, 5, [], "Anruf", null, Now);

        merged.MergeInto(survivor);
        note.MoveTo(survivor);

        Assert.Equal(ClientState.Merged, merged.State);
        Assert.Equal(survivor.Id, merged.MergedInto);
        Assert.Equal("Muhamad", merged.GivenNames);
        Assert.Contains("Muhamad Achmad", survivor.OtherNames);
        Assert.Contains(" muhamad", survivor.SearchKey, StringComparison.Ordinal);
        Assert.Equal(survivor.Id, note.ClientId);
        Assert.Throws<InvalidOperationException>(() => merged.MergeInto(survivor));
        Assert.Throws<InvalidOperationException>(() => survivor.MergeInto(survivor));
    }

    [Fact]
    public void Converting_an_anonymous_contact_keeps_its_history_on_the_new_timeline()
    {
        var contact = AnonymousContact.Log(
            BuildingBlocks.Ids.OfficeId.New(), "Der Große mit der roten Mütze", 30, [NeedAreas.Housing], PlaceKind.Street, new DateOnly(2026, 11, 1), "Schläft am Bahnhof", null, Now);

        var (client, history) = contact.ConvertToClient(Details(), PseudonymCode.New(), Now);

        Assert.Equal(contact.OfficeId, client.OfficeId);
        Assert.Equal(contact.Id, client.ConvertedFromContactId);
        Assert.Equal(client.Id, contact.ConvertedTo);
        Assert.Equal(client.Id, history.ClientId);
        Assert.Equal(NoteType.OutreachContact, history.Type);
        Assert.Equal(new DateOnly(2026, 11, 1), DateOnly.FromDateTime(history.OccurredAt.UtcDateTime));
        Assert.Contains("roten Mütze", history.Text, StringComparison.Ordinal);
        Assert.Contains("Bahnhof", history.Text, StringComparison.Ordinal);
        Assert.Equal([NeedAreas.Housing], history.Topics);
        Assert.Throws<InvalidOperationException>(() => contact.ConvertToClient(Details(), PseudonymCode.New(), Now));
    }
}
