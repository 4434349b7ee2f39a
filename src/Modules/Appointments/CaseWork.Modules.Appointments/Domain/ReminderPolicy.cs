using System.Globalization;

namespace CaseWork.Modules.Appointments.Domain;

/// <summary>
/// How long before an appointment a reminder goes out. Whole days are calendar days at the same wall-clock time
/// ("1 day before" a 10:00 appointment is 10:00 the day before, even across a daylight-saving change: 23 or 25 hours);
/// hours and minutes are elapsed time.
/// </summary>
internal sealed record ReminderOffset(int Days, int Hours, int Minutes)
{
    public static ReminderOffset OneDay { get; } = new(1, 0, 0);

    public static ReminderOffset TwoHours { get; } = new(0, 2, 0);

    /// <summary>"1d", "2h", "30m" or combinations like "1d2h".</summary>
    public static bool TryParse(string? text, out ReminderOffset offset)
    {
        offset = new ReminderOffset(0, 0, 0);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int days = 0, hours = 0, minutes = 0, number = 0;
        var digits = false;
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiDigit(c))
            {
                number = checked((number * 10) + (c - '0'));
                digits = true;
                continue;
            }

            if (!digits)
            {
                return false;
            }

            switch (c)
            {
                case 'd': days += number; break;
                case 'h': hours += number; break;
                case 'm': minutes += number; break;
                default: return false;
            }

            number = 0;
            digits = false;
        }

        if (digits || days + hours + minutes == 0 || days > 14 || hours > 336 || minutes > 10080)
        {
            return false;
        }

        offset = new ReminderOffset(days, hours, minutes);
        return true;
    }

    public DateTimeOffset DueBefore(DateTimeOffset start, OfficeClock clock)
    {
        var due = start;
        if (Days > 0)
        {
            due = clock.ToInstant(clock.ToLocal(start).AddDays(-Days));
        }

        return due - new TimeSpan(Hours, Minutes, 0);
    }

    public override string ToString() =>
        string.Concat(
            Days > 0 ? Days.ToString(CultureInfo.InvariantCulture) + "d" : "",
            Hours > 0 ? Hours.ToString(CultureInfo.InvariantCulture) + "h" : "",
            Minutes > 0 ? Minutes.ToString(CultureInfo.InvariantCulture) + "m" : "");
}

/// <summary>An office's rules for client reminders: offsets and the quiet hours in which no SMS goes out.</summary>
internal sealed record ReminderPolicy(IReadOnlyList<ReminderOffset> Offsets, TimeOnly QuietFrom, TimeOnly QuietUntil)
{
    public static ReminderPolicy Default { get; } = new([ReminderOffset.OneDay, ReminderOffset.TwoHours], new TimeOnly(20, 0), new TimeOnly(8, 0));

    public static string Format(IEnumerable<ReminderOffset> offsets) => string.Join(",", offsets.Select(o => o.ToString()));

    public static bool TryParseOffsets(string? text, out IReadOnlyList<ReminderOffset> offsets)
    {
        var parsed = new List<ReminderOffset>();
        offsets = parsed;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ReminderOffset.TryParse(part, out var offset))
            {
                return false;
            }

            parsed.Add(offset);
        }

        return parsed.Count <= 5;
    }

    public bool IsQuiet(TimeOnly wallClock) =>
        QuietFrom == QuietUntil
            ? false
            : QuietFrom < QuietUntil
                ? wallClock >= QuietFrom && wallClock < QuietUntil
                : wallClock >= QuietFrom || wallClock < QuietUntil;

    /// <summary>
    /// When a reminder for an appointment starting at <paramref name="start"/> goes out, or why it does not.
    /// Quiet hours apply to SMS only: a text due in them waits until they end, unless that is no longer before the appointment.
    /// </summary>
    public ReminderTiming Plan(ReminderOffset offset, DateTimeOffset start, DateTimeOffset now, ReminderChannel channel, OfficeClock clock)
    {
        var due = offset.DueBefore(start, clock);
        if (channel == ReminderChannel.Sms)
        {
            var local = clock.ToLocal(due);
            if (IsQuiet(TimeOnly.FromDateTime(local)))
            {
                var morning = local.Date.Add(QuietUntil.ToTimeSpan());
                if (morning < local)
                {
                    morning = morning.AddDays(1);
                }

                due = clock.ToInstant(morning);
                if (due >= start)
                {
                    return ReminderTiming.Skip(SkipReason.QuietHours);
                }
            }
        }

        return due <= now ? ReminderTiming.Skip(SkipReason.TooClose) : ReminderTiming.At(due);
    }
}

/// <summary>When a reminder is due, or why it is not sent.</summary>
internal sealed record ReminderTiming(DateTimeOffset? DueAt, SkipReason? Skipped)
{
    public static ReminderTiming At(DateTimeOffset due) => new(due, null);

    public static ReminderTiming Skip(SkipReason reason) => new(null, reason);
}
