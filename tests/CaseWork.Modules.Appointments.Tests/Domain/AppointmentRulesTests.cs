using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Domain;

/// <summary>The appointment's lifecycle, conflicts and recurrence.</summary>
public sealed class AppointmentRulesTests
{
    private static readonly OfficeClock Berlin = OfficeClock.Berlin;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));
    private static readonly OfficeId Office = new(Guid.NewGuid());
    private static readonly UserId Anna = new(Guid.NewGuid());
    private static readonly UserId Ben = new(Guid.NewGuid());
    private static readonly OfficeHours Weekdays = new([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(18, 0));

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => Berlin.ToInstant(new DateTime(2027, month, day, hour, minute, 0));

    private static Appointment NewAppointment(DateTimeOffset start, DateTimeOffset? end = null) =>
        Appointment.Schedule(Office, AppointmentKind.Counselling, PlaceKind.OfficeRoom, "Raum 1", null, "Wohnung", null,
            start, end ?? start.AddHours(1), [(Guid.NewGuid(), "K-1")], [Anna], new InterpreterRequirement("ar", "Levantine", InterpretingModality.InPerson, null),
            null, Clock.GetUtcNow()).Value;

    [Fact]
    public void Changing_the_staff_needs_someone_and_an_open_appointment_and_counts_as_a_change_only_when_it_is_one()
    {
        var appointment = NewAppointment(Local(2, 3, 10));
        var sequence = appointment.Sequence;

        Assert.False(appointment.ChangeWorkers([]).IsSuccess);
        Assert.True(appointment.ChangeWorkers([Anna]).IsSuccess);
        Assert.Equal(sequence, appointment.Sequence);
        Assert.True(appointment.ChangeWorkers([Ben, Anna, Ben]).IsSuccess);
        Assert.Equal([Anna, Ben], appointment.Workers.Select(w => w.WorkerId).OrderBy(w => w == Ben));
        Assert.Equal(sequence + 1, appointment.Sequence);
        Assert.True(appointment.ChangeWorkers([Ben]).IsSuccess);
        Assert.Equal([Ben], appointment.Workers.Select(w => w.WorkerId));

        Assert.True(appointment.Cancel(CancelledBy.Office, "Krankheit").IsSuccess);
        Assert.Equal("appointment-closed", appointment.ChangeWorkers([Anna]).Error!.Code);
        Assert.Equal([Ben], appointment.Workers.Select(w => w.WorkerId));
    }

    [Fact]
    public void End_before_start_and_start_in_the_past_are_refused()
    {
        var start = Local(2, 9, 10);
        var backwards = Appointment.Schedule(Office, AppointmentKind.Counselling, PlaceKind.Phone, "", null, null, null, start, start.AddHours(-1), [], [Anna], null, null, Clock.GetUtcNow());
        var past = Appointment.Schedule(Office, AppointmentKind.Counselling, PlaceKind.Phone, "", null, null, null, Clock.GetUtcNow().AddHours(-1), Clock.GetUtcNow(), [], [Anna], null, null, Clock.GetUtcNow());
        var nobody = Appointment.Schedule(Office, AppointmentKind.Counselling, PlaceKind.Phone, "", null, null, null, start, start.AddHours(1), [], [], null, null, Clock.GetUtcNow());

        Assert.Equal("end", Assert.Single(backwards.Error!.FieldErrors!).Key);
        Assert.Equal("start", Assert.Single(past.Error!.FieldErrors!).Key);
        Assert.Equal("workerIds", Assert.Single(nobody.Error!.FieldErrors!).Key);
    }

    [Fact]
    public void Rescheduling_keeps_the_earlier_time_and_raises_the_sequence()
    {
        var appointment = NewAppointment(Local(2, 9, 10));
        appointment.Confirm();
        var sequence = appointment.Sequence;

        var moved = appointment.Reschedule(Local(2, 10, 14), Local(2, 10, 15), Clock.GetUtcNow());

        Assert.True(moved.IsSuccess);
        var earlier = Assert.Single(appointment.TimeChanges);
        Assert.Equal(Local(2, 9, 10), earlier.PreviousStart);
        Assert.Equal(AppointmentStatus.Planned, appointment.Status);
        Assert.True(appointment.Sequence > sequence);
    }

    [Fact]
    public void A_closed_appointment_cannot_move_or_close_again()
    {
        var appointment = NewAppointment(Local(2, 9, 10));
        Assert.True(appointment.Cancel(CancelledBy.Client, "ill").IsSuccess);

        Assert.Equal("appointment-closed", appointment.Reschedule(Local(2, 10, 10), Local(2, 10, 11), Clock.GetUtcNow()).Error!.Code);
        Assert.Equal("appointment-closed", appointment.Cancel(CancelledBy.Office, null).Error!.Code);
        Assert.Equal(CancelledBy.Client, appointment.CancelledBy);
        Assert.Equal("ill", appointment.CancellationReason);
    }

    [Fact]
    public void A_no_show_is_recorded_only_after_the_start_and_counts_per_client()
    {
        var appointment = NewAppointment(Local(2, 9, 10));
        Assert.Equal("not-started", appointment.MarkNoShow(Clock.GetUtcNow()).Error!.Code);

        Assert.True(appointment.MarkNoShow(Local(2, 9, 10, 30)).IsSuccess);
        Assert.All(appointment.Clients, c => Assert.True(c.NoShow));
    }

    [Fact]
    public void Anonymising_a_client_keeps_the_row_but_not_who_it_was_or_the_topic()
    {
        var appointment = NewAppointment(Local(2, 9, 10));
        var client = appointment.Clients[0].ClientId!.Value;

        Assert.True(appointment.ForgetClient(client));

        Assert.Single(appointment.Clients);
        Assert.Null(appointment.Clients[0].ClientId);
        Assert.Equal("", appointment.Clients[0].PseudonymCode);
        Assert.Equal("", appointment.Topic);
        Assert.Empty(appointment.Snapshot().ClientIds);
    }

    [Fact]
    public void The_snapshot_for_other_modules_never_carries_the_topic()
    {
        var appointment = NewAppointment(Local(2, 9, 10));
        var snapshot = appointment.Snapshot();

        Assert.DoesNotContain("Wohnung", snapshot.ToString(), StringComparison.Ordinal);
        Assert.Equal("ar", snapshot.InterpreterNeed!.Language);
        Assert.Equal("counselling", snapshot.Kind);
    }

    [Fact]
    public void A_booked_room_is_taken_and_a_booked_worker_is_a_warning()
    {
        var room = Guid.NewGuid();
        var other = new BookedSlot(AppointmentId.New(), Local(2, 9, 10), Local(2, 9, 11), room, [Anna]);

        var report = ConflictReport.Check(null, Local(2, 9, 10, 30), Local(2, 9, 11, 30), room, [Anna, Ben], [other], Weekdays, Berlin);

        Assert.True(report.RoomTaken);
        Assert.Equal([Anna], report.BusyWorkers);
        Assert.False(report.OutsideOfficeHours);
    }

    [Fact]
    public void Back_to_back_appointments_do_not_conflict_and_an_appointment_does_not_conflict_with_itself()
    {
        var room = Guid.NewGuid();
        var self = AppointmentId.New();
        var before = new BookedSlot(AppointmentId.New(), Local(2, 9, 9), Local(2, 9, 10), room, [Anna]);
        var itself = new BookedSlot(self, Local(2, 9, 10), Local(2, 9, 11), room, [Anna]);

        var report = ConflictReport.Check(self, Local(2, 9, 10), Local(2, 9, 11), room, [Anna], [before, itself], Weekdays, Berlin);

        Assert.False(report.RoomTaken);
        Assert.False(report.HasWarnings);
    }

    [Theory]
    [InlineData(2, 13, 10, 11)] // Saturday
    [InlineData(2, 9, 7, 9)] // before opening
    [InlineData(2, 9, 17, 19)] // after closing
    public void Times_outside_office_hours_are_a_warning(int month, int day, int fromHour, int untilHour)
    {
        var report = ConflictReport.Check(null, Local(month, day, fromHour), Local(month, day, untilHour), null, [Anna], [], Weekdays, Berlin);

        Assert.True(report.OutsideOfficeHours);
        Assert.Equal(["outside-office-hours"], report.WarningCodes);
    }

    [Fact]
    public void Every_second_tuesday_keeps_its_wall_clock_time_across_the_change_and_leaves_out_exceptions()
    {
        var rule = new RecurrenceRule(2, new DateOnly(2027, 4, 30), new HashSet<DateOnly> { new(2027, 3, 30) });

        var occurrences = rule.Occurrences(Local(3, 16, 10), Local(3, 16, 11, 30), Berlin);

        Assert.Equal(
            [new DateTime(2027, 3, 16, 10, 0, 0), new DateTime(2027, 4, 13, 10, 0, 0), new DateTime(2027, 4, 27, 10, 0, 0)],
            occurrences.Select(o => Berlin.ToLocal(o.Start)));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromMinutes(90), o.End - o.Start));
        Assert.Equal(9, occurrences[0].Start.UtcDateTime.Hour);
        Assert.Equal(8, occurrences[1].Start.UtcDateTime.Hour);
    }

    [Fact]
    public void A_weekly_rule_is_capped_at_a_year()
    {
        var rule = new RecurrenceRule(1, new DateOnly(2030, 1, 1), new HashSet<DateOnly>());

        Assert.Equal(RecurrenceRule.MaxOccurrences, rule.Occurrences(Local(3, 16, 10), Local(3, 16, 11), Berlin).Count);
    }
}
