using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Settings;

/// <summary>The office's follow-up settings (the defaults until someone saves them: version 0).</summary>
internal sealed record GetReferralSettings : IQuery<ReferralSettingsView>;

/// <summary>
/// When an unanswered referral reminds its worker (working days, the Land's public holidays excluded), when it expires
/// (calendar days), how long an agency's answer link works, and the Land. <see cref="Version"/>: what the form was read at.
/// </summary>
internal sealed record ReferralSettingsView(int ReminderAfterWorkingDays, int ExpiryAfterDays, int AgencyLinkDays, string? Land, int Version)
{
    public static IReadOnlyList<string> Lands => GermanPublicHolidays.Lands;

    /// <summary>The Land's name as the settings page shows it (the same in German and English).</summary>
    public static string LandName(string code) => code switch
    {
        "BW" => "Baden-Württemberg", "BY" => "Bayern", "BE" => "Berlin", "BB" => "Brandenburg", "HB" => "Bremen", "HH" => "Hamburg",
        "HE" => "Hessen", "MV" => "Mecklenburg-Vorpommern", "NI" => "Niedersachsen", "NW" => "Nordrhein-Westfalen", "RP" => "Rheinland-Pfalz",
        "SL" => "Saarland", "SN" => "Sachsen", "ST" => "Sachsen-Anhalt", "SH" => "Schleswig-Holstein", "TH" => "Thüringen",
        _ => code,
    };
}

/// <summary>Changes the office's follow-up settings; supervisors and administrators only.</summary>
internal sealed record UpdateReferralSettings(int ReminderAfterWorkingDays, int ExpiryAfterDays, int AgencyLinkDays, string? Land, int Version)
    : ICommand<ReferralSettingsView>;

internal sealed class UpdateReferralSettingsValidator : AbstractValidator<UpdateReferralSettings>
{
    public UpdateReferralSettingsValidator()
    {
        RuleFor(c => c.ReminderAfterWorkingDays).InclusiveBetween(1, 30).WithMessage("Die Erinnerung kommt nach 1 bis 30 Arbeitstagen.");
        RuleFor(c => c.ExpiryAfterDays).InclusiveBetween(1, 180).WithMessage("Eine Weitervermittlung verfällt nach 1 bis 180 Tagen.");
        RuleFor(c => c.ExpiryAfterDays).GreaterThan(c => c.ReminderAfterWorkingDays)
            .WithMessage("Eine Weitervermittlung verfällt erst nach der Erinnerung (mehr Tage als bis zur Erinnerung).");
        RuleFor(c => c.AgencyLinkDays).InclusiveBetween(1, 365).WithMessage("Der Link für die Stelle gilt 1 bis 365 Tage.");
        RuleFor(c => c.Land).Must(l => string.IsNullOrEmpty(l) || GermanPublicHolidays.Lands.Contains(l))
            .WithMessage($"Unbekanntes Bundesland; eines von: {string.Join(", ", GermanPublicHolidays.Lands)}.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
    }
}

internal sealed class GetReferralSettingsHandler(ReferralsDbContext db, ICurrentUser user) : IQueryHandler<GetReferralSettings, ReferralSettingsView>
{
    public async Task<Result<ReferralSettingsView>> Handle(GetReferralSettings query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is null)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        var settings = await db.OfficeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return ReferralSettingsViews.Of(settings);
    }
}

internal sealed class UpdateReferralSettingsHandler(ReferralsDbContext db, ICurrentUser user) : ICommandHandler<UpdateReferralSettings, ReferralSettingsView>
{
    public async Task<Result<ReferralSettingsView>> Handle(UpdateReferralSettings command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || !(user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator)))
        {
            return Error.Forbidden("supervisors-only", "Nur Teamleitung und Verwaltung ändern die Nachverfolgung.");
        }

        var land = string.IsNullOrEmpty(command.Land) ? null : command.Land;
        var settings = await db.OfficeSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            // Never saved: the form showed the defaults at version 0; a second first save collides on the office's row.
            if (command.Version != 0)
            {
                return Error.ConcurrentEdit("referral settings");
            }

            settings = new OfficeReferralSettings(office, command.ReminderAfterWorkingDays, command.ExpiryAfterDays, command.AgencyLinkDays);
            settings.ObserveHolidaysOf(land);
            db.OfficeSettings.Add(settings);
            return ReferralSettingsViews.Of(settings);
        }

        db.Entry(settings).Property(s => s.Version).OriginalValue = command.Version;
        settings.Change(command.ReminderAfterWorkingDays, command.ExpiryAfterDays, command.AgencyLinkDays, land);
        return ReferralSettingsViews.Of(settings) with { Version = command.Version + 1 };
    }
}

internal static class ReferralSettingsViews
{
    public static ReferralSettingsView Of(OfficeReferralSettings? settings) => settings is null
        ? new ReferralSettingsView(FollowUpPolicy.Default.ReminderAfterWorkingDays, FollowUpPolicy.Default.ExpiryAfterDays, OfficeReferralSettings.DefaultAgencyLinkDays, null, 0)
        : new ReferralSettingsView(settings.ReminderAfterWorkingDays, settings.ExpiryAfterDays, settings.AgencyLinkDays, settings.Land, settings.Version);
}
