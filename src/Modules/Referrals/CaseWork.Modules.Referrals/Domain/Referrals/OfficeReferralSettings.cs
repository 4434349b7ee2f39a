using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>An office's follow-up settings; offices without a row use <see cref="FollowUpPolicy.Default"/> and 30-day links.</summary>
internal sealed class OfficeReferralSettings : IOfficeScoped, IVersioned
{
    public const int DefaultAgencyLinkDays = 30;

    public OfficeReferralSettings(OfficeId officeId, int reminderAfterWorkingDays, int expiryAfterDays, int agencyLinkDays)
    {
        OfficeId = officeId;
        ReminderAfterWorkingDays = reminderAfterWorkingDays;
        ExpiryAfterDays = expiryAfterDays;
        AgencyLinkDays = agencyLinkDays;
        Version = 1;
    }

    public OfficeId OfficeId { get; private set; }

    public int ReminderAfterWorkingDays { get; private set; }

    public int ExpiryAfterDays { get; private set; }

    /// <summary>How long an agency's secret answer link works after it was issued.</summary>
    public int AgencyLinkDays { get; private set; }

    /// <summary>The office's Land (ISO 3166-2 suffix, e.g. "BE") whose public holidays are not working days; null: national holidays only.</summary>
    public string? Land { get; private set; }

    public int Version { get; private set; }

    public FollowUpPolicy Policy => new(ReminderAfterWorkingDays, ExpiryAfterDays, Land);

    /// <summary>Sets when an unanswered referral reminds the worker and expires, how long agency links work, and whose holidays count.</summary>
    public void Change(int reminderAfterWorkingDays, int expiryAfterDays, int agencyLinkDays, string? land)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reminderAfterWorkingDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiryAfterDays, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(agencyLinkDays, 1);
        ReminderAfterWorkingDays = reminderAfterWorkingDays;
        ExpiryAfterDays = expiryAfterDays;
        AgencyLinkDays = agencyLinkDays;
        ObserveHolidaysOf(land);
    }

    public void ObserveHolidaysOf(string? land) => Land = GermanPublicHolidays.IsKnownLand(land)
        ? land
        : throw new ArgumentOutOfRangeException(nameof(land), land, "Unknown Land code.");
}
