using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.TestKit;

namespace CaseWork.Modules.Appointments.Tests.Domain;

/// <summary>When client reminders go out: offsets in wall-clock days across daylight-saving changes, and SMS quiet hours.</summary>
public sealed class ReminderPlanningTests
{
    private static readonly OfficeClock Berlin = OfficeClock.Berlin;
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero));

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) =>
        Berlin.ToInstant(new DateTime(year, month, day, hour, minute, 0));

    [Fact]
    public void One_day_before_across_the_March_change_is_the_same_wall_clock_time_23_hours_earlier()
    {
        // Sunday 28 March 2027: clocks go from 02:00 to 03:00.
        var start = Local(2027, 3, 28, 10);
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 8, 0, 0, TimeSpan.Zero), start);

        var timing = ReminderPolicy.Default.Plan(ReminderOffset.OneDay, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero), timing.DueAt);
        Assert.Equal(new DateTime(2027, 3, 27, 10, 0, 0), Berlin.ToLocal(timing.DueAt!.Value));
        Assert.Equal(TimeSpan.FromHours(23), start - timing.DueAt.Value);
    }

    [Fact]
    public void One_day_before_across_the_October_change_is_the_same_wall_clock_time_25_hours_earlier()
    {
        // Sunday 31 October 2027: clocks go from 03:00 back to 02:00.
        var start = Local(2027, 10, 31, 10);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.OneDay, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(new DateTime(2027, 10, 30, 10, 0, 0), Berlin.ToLocal(timing.DueAt!.Value));
        Assert.Equal(TimeSpan.FromHours(25), start - timing.DueAt.Value);
    }

    [Fact]
    public void Hours_before_are_elapsed_time_even_across_the_change()
    {
        // 04:00 local on the March change day is only two real hours after 01:00.
        var start = Local(2027, 3, 28, 4);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.TwoHours, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(TimeSpan.FromHours(2), start - timing.DueAt!.Value);
        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0), Berlin.ToLocal(timing.DueAt.Value));
    }

    [Fact]
    public void A_day_before_that_falls_into_the_skipped_hour_moves_past_the_gap()
    {
        var start = Local(2027, 3, 29, 2, 30);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.OneDay, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 30, 0, TimeSpan.Zero), timing.DueAt);
        Assert.Equal(new DateTime(2027, 3, 28, 3, 30, 0), Berlin.ToLocal(timing.DueAt!.Value));
    }

    [Fact]
    public void An_sms_due_in_quiet_hours_waits_until_eight()
    {
        var start = Local(2027, 2, 9, 9);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.TwoHours, start, Clock.GetUtcNow(), ReminderChannel.Sms, Berlin);

        Assert.Equal(new DateTime(2027, 2, 9, 8, 0, 0), Berlin.ToLocal(timing.DueAt!.Value));
        Assert.Null(timing.Skipped);
    }

    [Fact]
    public void An_sms_due_in_the_evening_waits_for_the_next_morning()
    {
        var start = Local(2027, 2, 9, 21);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.OneDay, start, Clock.GetUtcNow(), ReminderChannel.Sms, Berlin);

        Assert.Equal(new DateTime(2027, 2, 9, 8, 0, 0), Berlin.ToLocal(timing.DueAt!.Value));
    }

    [Fact]
    public void An_sms_that_could_only_go_out_after_the_appointment_is_dropped()
    {
        var start = Local(2027, 2, 9, 7, 30);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.TwoHours, start, Clock.GetUtcNow(), ReminderChannel.Sms, Berlin);

        Assert.Null(timing.DueAt);
        Assert.Equal(SkipReason.QuietHours, timing.Skipped);
    }

    [Fact]
    public void Quiet_hours_do_not_hold_back_email()
    {
        var start = Local(2027, 2, 9, 7, 30);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.TwoHours, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(new DateTime(2027, 2, 9, 5, 30, 0), Berlin.ToLocal(timing.DueAt!.Value));
    }

    [Fact]
    public void A_reminder_whose_time_has_passed_when_planned_is_skipped_as_too_close()
    {
        var start = Clock.GetUtcNow().AddHours(5);
        var timing = ReminderPolicy.Default.Plan(ReminderOffset.OneDay, start, Clock.GetUtcNow(), ReminderChannel.Email, Berlin);

        Assert.Equal(SkipReason.TooClose, timing.Skipped);
    }

    [Theory]
    [InlineData("1d", 1, 0, 0)]
    [InlineData("2h", 0, 2, 0)]
    [InlineData("1d2h30m", 1, 2, 30)]
    public void Offsets_parse(string text, int days, int hours, int minutes)
    {
        Assert.True(ReminderOffset.TryParse(text, out var offset));
        Assert.Equal(new ReminderOffset(days, hours, minutes), offset);
        Assert.Equal(text, offset.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("2")]
    [InlineData("3x")]
    [InlineData("0h")]
    [InlineData("30d")]
    public void Bad_offsets_do_not_parse(string text) => Assert.False(ReminderOffset.TryParse(text, out _));

    [Fact]
    public void A_failed_send_is_retried_with_growing_pauses_and_then_given_up_with_its_last_error()
    {
        var now = Clock.GetUtcNow();
        var reminder = Reminder.Plan(
            new OfficeId(Guid.NewGuid()), AppointmentId.New(), ReminderPurpose.ClientReminder, "1d", Guid.NewGuid(), null,
            ReminderChannel.Sms, "+49 170 1", "de", new ReminderText("s", "b"), ReminderTiming.At(now), null);
        var pauses = new List<TimeSpan>();
        for (var i = 1; i < Reminder.MaxAttempts; i++)
        {
            reminder.MarkFailed(now, $"gateway said no {i}");
            pauses.Add(reminder.NextAttemptAt!.Value - now);
        }

        reminder.MarkFailed(now, "gateway said no, finally");

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(16), TimeSpan.FromMinutes(64)], pauses);
        Assert.Equal(ReminderState.Failed, reminder.State);
        Assert.Null(reminder.NextAttemptAt);
        Assert.Equal(Reminder.MaxAttempts, reminder.Attempts);
        Assert.Equal("gateway said no, finally", reminder.LastError);
    }

    [Fact]
    public void A_sent_reminder_is_not_cancelled_or_replanned()
    {
        var now = Clock.GetUtcNow();
        var reminder = Reminder.Plan(
            new OfficeId(Guid.NewGuid()), AppointmentId.New(), ReminderPurpose.ClientReminder, "1d", Guid.NewGuid(), null,
            ReminderChannel.Email, "a@b.test", "de", new ReminderText("s", "b"), ReminderTiming.At(now), null);
        reminder.MarkSent(now);

        reminder.Cancel();
        reminder.Replan(ReminderChannel.Email, "a@b.test", "de", new ReminderText("s", "other"), ReminderTiming.At(now.AddDays(1)), null);

        Assert.Equal(ReminderState.Sent, reminder.State);
        Assert.Equal("b", reminder.Body);
    }
}
