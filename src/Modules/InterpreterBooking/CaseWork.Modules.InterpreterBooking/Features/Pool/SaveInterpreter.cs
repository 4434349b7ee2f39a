using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

/// <summary>
/// A coordinator adds an interpreter account of the office to its pool, or updates a pool member's profile and the office's
/// fee rates. The profile is shared by every office the interpreter serves and <see cref="Version"/> guards it against
/// overwriting another office's edit; the fee rates are this office's own terms, guarded by <see cref="TermsVersion"/>. An
/// interpreter of another office joins only by accepting an invitation (ADR 0038): until then they are not found here.
/// </summary>
internal sealed record SaveInterpreter(
    Guid InterpreterId,
    string? Email,
    string? Phone,
    string? Gender,
    IReadOnlyList<LanguageSkill> Languages,
    Modalities Modalities,
    IReadOnlyList<string>? Districts,
    int? TravelRadiusKm,
    int DailyMaximum,
    FeeRates Fees,
    int? Version,
    IReadOnlyList<WeeklySlot>? Weekly = null,
    IReadOnlyList<Absence>? Absences = null,
    int? TermsVersion = null) : ICommand<SavedInterpreter>;

/// <summary>The versions the profile and the office's terms have once the save is committed.</summary>
internal sealed record SavedInterpreter(int Version, int TermsVersion);

internal sealed class SaveInterpreterValidator : AbstractValidator<SaveInterpreter>
{
    public SaveInterpreterValidator()
    {
        RuleFor(c => c.Languages).NotEmpty();
        RuleForEach(c => c.Languages).Must(l => LanguageCatalog.IsKnown(l.Language)).WithMessage("Unknown language.");
        RuleForEach(c => c.Languages)
            .Must(l => l.Dialects.All(d => LanguageCatalog.Find(l.Language)?.Dialects.Contains(d, StringComparer.OrdinalIgnoreCase) ?? false))
            .WithMessage("Unknown dialect.");
        RuleFor(c => c.Modalities).Must(m => m != Modalities.None && (int)m <= 7).WithMessage("Choose at least one modality.");
        RuleFor(c => c.DailyMaximum).InclusiveBetween(1, 12);
        RuleFor(c => c.TravelRadiusKm).InclusiveBetween(0, 500);
        RuleFor(c => c.Gender).Must(g => g is null or "female" or "male" or "diverse").WithMessage("Use female, male, diverse or nothing.");
        RuleFor(c => c.Email).MaximumLength(256).EmailAddress();
        RuleFor(c => c.Phone).MaximumLength(64);
        RuleFor(c => c.Fees).NotNull();
        RuleFor(c => c.Fees.Hourly).InclusiveBetween(0m, 1000m).When(c => c.Fees is not null);
        RuleFor(c => c.Fees.TravelTimeHourly).InclusiveBetween(0m, 1000m).When(c => c.Fees is not null);
        RuleFor(c => c.Fees.PerKilometre).InclusiveBetween(0m, 10m).When(c => c.Fees is not null);
        RuleFor(c => c.Fees.Currency).Equal("EUR").WithMessage("Fees are kept in EUR.").When(c => c.Fees is not null);
        RuleForEach(c => c.Weekly).Must(s => s.From < s.To && Enum.IsDefined(s.Day)).WithMessage("A window ends after it starts.");
        RuleForEach(c => c.Absences).Must(a => a.From <= a.To).WithMessage("An absence ends on or after its first day.");
        RuleForEach(c => c.Absences).Must(a => a.Note is null || a.Note.Length <= 200).WithMessage("The note is too long.");
    }
}

internal sealed class SaveInterpreterHandler(
    InterpreterBookingDbContext db,
    ICurrentUser user,
    IOfficeDirectory directory,
    IAuditTrail audit,
    TimeProvider clock) : ICommandHandler<SaveInterpreter, SavedInterpreter>
{
    public async Task<Result<SavedInterpreter>> Handle(SaveInterpreter command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "You do not work for an office.");
        }

        var id = new UserId(command.InterpreterId);
        // The office filter on memberships: only this office's membership is found.
        var membership = await db.PoolMemberships.FirstOrDefaultAsync(m => m.InterpreterId == id, cancellationToken);
        var account = await directory.GetUserAsync(id, cancellationToken);
        // A membership that ended counts as none (ADR 0048): another office's interpreter comes back only by a new invitation;
        // an interpreter account of this office is taken back directly, as it was added, on the same row.
        var ended = membership is { LeftAt: not null };
        if ((membership is null || ended) && account is not null && account.OfficeId != office)
        {
            return Error.NotFound("interpreter-not-found", "No such interpreter in this office's pool.");
        }

        if (account is null || !account.Roles.Contains(Roles.Interpreter))
        {
            return Error.Validation("interpreterId", "This user is not an interpreter.");
        }

        var profile = await db.Interpreters.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (profile is null)
        {
            profile = new InterpreterProfile(id, account.DisplayName) { CalendarToken = Offer.NewToken() };
            db.Interpreters.Add(profile);
        }
        else if (command.Version is { } version && version != profile.Version)
        {
            return Error.ConcurrentEdit("interpreter profile");
        }

        if (membership is null)
        {
            membership = new PoolMembership(office, id, clock.GetUtcNow());
            db.PoolMemberships.Add(membership);
        }
        else if (command.TermsVersion is { } termsVersion && termsVersion != membership.Version)
        {
            return Error.ConcurrentEdit("fee rates");
        }
        else if (ended)
        {
            membership.Rejoin();
        }

        profile.DisplayName = account.DisplayName;
        profile.Email = string.IsNullOrWhiteSpace(command.Email) ? account.Email : command.Email.Trim();
        profile.Phone = command.Phone?.Trim();
        profile.Gender = command.Gender;
        profile.Languages = command.Languages.Select(l => l with { Language = l.Language.ToLowerInvariant() }).ToList();
        profile.Modalities = command.Modalities;
        profile.Districts = command.Districts?.Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).ToList() ?? [];
        profile.TravelRadiusKm = command.TravelRadiusKm;
        profile.DailyMaximum = command.DailyMaximum;
        membership.Fees = command.Fees;
        if (command.Weekly is not null)
        {
            profile.WeeklyAvailability = command.Weekly.OrderBy(s => s.Day).ThenBy(s => s.From).ToList();
        }

        if (command.Absences is not null)
        {
            profile.Absences = command.Absences.OrderBy(a => a.From).ToList();
        }

        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Update, "InterpreterProfile", id.ToString(),
            Details: "fields: profile, languages, fees, contact"), cancellationToken);
        db.ChangeTracker.DetectChanges();
        return new SavedInterpreter(VersionAfterSave(profile), VersionAfterSave(membership));
    }

    /// <summary>The version a record will have after the unit of work saves it: one up when it changed (ModuleDbContext).</summary>
    private int VersionAfterSave(IVersioned record) =>
        db.Entry(record).State == EntityState.Modified ? record.Version + 1 : record.Version;
}

internal static class SaveInterpreterEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapPut("/pool/{interpreterId:guid}", async (Guid interpreterId, SaveInterpreter body, ICommandHandler<SaveInterpreter, SavedInterpreter> handler, CancellationToken ct) =>
            (await handler.Handle(body with { InterpreterId = interpreterId }, ct)).ToHttpResult(v => TypedResults.Ok(new { version = v.Version, termsVersion = v.TermsVersion })));
}
