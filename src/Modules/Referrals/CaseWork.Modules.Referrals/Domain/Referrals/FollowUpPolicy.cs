namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>
/// When an unanswered referral reminds its worker and when it expires (office settings). Working days are Monday to
/// Friday in the office's time zone without the national public holidays and those of the office's Land (if set).
/// </summary>
internal sealed record FollowUpPolicy(int ReminderAfterWorkingDays, int ExpiryAfterDays, string? Land = null)
{
    public static FollowUpPolicy Default { get; } = new(3, 14);

    /// <summary>The instant the reminder is due: the same local time of day, <see cref="ReminderAfterWorkingDays"/> working days after sending.</summary>
    public DateTimeOffset ReminderDue(DateTimeOffset sentAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(sentAt, zone).DateTime;
        var day = local.Date;
        var added = 0;
        while (added < ReminderAfterWorkingDays)
        {
            day = day.AddDays(1);
            if (GermanPublicHolidays.IsWorkingDay(DateOnly.FromDateTime(day), Land))
            {
                added++;
            }
        }

        var dueLocal = day + local.TimeOfDay;
        return new DateTimeOffset(dueLocal, zone.GetUtcOffset(dueLocal)).ToUniversalTime();
    }

    public DateTimeOffset ExpiryDue(DateTimeOffset sentAt) => sentAt.AddDays(ExpiryAfterDays);
}

/// <summary>What a follow-up sweep did with one referral.</summary>
internal enum FollowUpAction
{
    None,
    RemindWorker,
    Expire,
}
