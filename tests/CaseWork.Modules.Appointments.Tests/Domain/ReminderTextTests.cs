using CaseWork.Modules.Appointments.Domain;

namespace CaseWork.Modules.Appointments.Tests.Domain;

/// <summary>Client messages: in the client's language, neutral, right-to-left text kept readable.</summary>
public sealed class ReminderTextTests
{
    private static readonly DateTimeOffset Start = OfficeClock.Berlin.ToInstant(new DateTime(2027, 2, 9, 10, 30, 0));

    [Theory]
    [InlineData("de", "Erinnerung")]
    [InlineData("en", "Reminder")]
    [InlineData("ar", "تذكير")]
    [InlineData("prs", "وعدهٔ ملاقات")]
    [InlineData("fa", "قرار ملاقات")]
    [InlineData("uk", "Нагадування")]
    [InlineData("ru", "Напоминание")]
    [InlineData("ro", "Memento")]
    [InlineData("bg", "Напомняне")]
    [InlineData("tr", "Hatırlatma")]
    public void Every_language_names_date_time_place_and_phone(string language, string word)
    {
        var text = ReminderTexts.Render(ReminderPurpose.ClientReminder, language, Start, OfficeClock.Berlin, PlaceKind.Address, "Hauptstr. 5", "+49 30 1234");

        Assert.Contains(word, text.Body, StringComparison.Ordinal);
        foreach (var part in new[] { "09.02.2027", "10:30", "Hauptstr. 5", "+49 30 1234" })
        {
            Assert.Contains(part, text.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("de", "in unserem Büro")]
    [InlineData("en", "at our office")]
    [InlineData("ar", "في مكتبنا")]
    [InlineData("prs", "در دفتر ما")]
    [InlineData("fa", "در دفتر ما")]
    [InlineData("uk", "у нашому офісі")]
    [InlineData("ru", "в нашем офисе")]
    [InlineData("ro", "la biroul nostru")]
    [InlineData("bg", "в нашия офис")]
    [InlineData("tr", "ofisimizde")]
    public void A_room_in_the_office_is_named_as_the_office_and_the_room_never_as_an_empty_place(string language, string office)
    {
        var inRoom = ReminderTexts.Render(ReminderPurpose.ClientReminder, language, Start, OfficeClock.Berlin, PlaceKind.OfficeRoom, "Beratungsraum 1", "+49 30 1234");
        var noRoomName = ReminderTexts.Render(ReminderPurpose.ClientReminder, language, Start, OfficeClock.Berlin, PlaceKind.OfficeRoom, "", "+49 30 1234");

        Assert.Contains(office, inRoom.Body, StringComparison.Ordinal);
        Assert.Contains("Beratungsraum 1", inRoom.Body, StringComparison.Ordinal);
        Assert.Contains(office, noRoomName.Body, StringComparison.Ordinal);
        foreach (var body in new[] { inRoom.Body, noRoomName.Body })
        {
            Assert.DoesNotContain(", .", body, StringComparison.Ordinal);
            Assert.DoesNotContain("، .", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("prs")]
    [InlineData("fa")]
    public void Right_to_left_text_starts_right_to_left_and_isolates_numbers_and_latin(string language)
    {
        var text = ReminderTexts.Render(ReminderPurpose.ClientReminder, language, Start, OfficeClock.Berlin, PlaceKind.Address, "Hauptstr. 5", "+49 30 1234");

        Assert.StartsWith("\u200F", text.Body, StringComparison.Ordinal);
        Assert.Contains("\u206610:30\u2069", text.Body, StringComparison.Ordinal);
        Assert.Contains("\u2066+49 30 1234\u2069", text.Body, StringComparison.Ordinal);
        Assert.Contains("\u2066Hauptstr. 5\u2069", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Left_to_right_text_has_no_direction_marks()
    {
        var text = ReminderTexts.Render(ReminderPurpose.ClientReminder, "uk", Start, OfficeClock.Berlin, PlaceKind.Address, "Hauptstr. 5", "+49 30 1234");

        Assert.DoesNotContain('\u2066', text.Body);
        Assert.DoesNotContain('\u200F', text.Body);
    }

    [Fact]
    public void An_unwritten_language_gets_german()
    {
        Assert.Equal("de", ReminderTexts.LanguageFor("ti"));
        Assert.Equal("de", ReminderTexts.LanguageFor(null));
        Assert.Equal("prs", ReminderTexts.LanguageFor("PRS"));
    }

    [Fact]
    public void A_cancellation_notice_says_the_appointment_is_off()
    {
        var text = ReminderTexts.Render(ReminderPurpose.ClientCancellation, "de", Start, OfficeClock.Berlin, PlaceKind.Phone, "", "030 1");

        Assert.Equal("Ihr Termin am 09.02.2027 um 10:30 Uhr findet nicht statt. Bei Fragen: 030 1.", text.Body);
    }

    [Fact]
    public void A_phone_appointment_says_by_phone_in_the_clients_language()
    {
        var text = ReminderTexts.Render(ReminderPurpose.ClientReminder, "ru", Start, OfficeClock.Berlin, PlaceKind.Phone, "", "0301");

        Assert.Contains("по телефону", text.Body, StringComparison.Ordinal);
    }
}
