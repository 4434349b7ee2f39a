using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
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

namespace CaseWork.Modules.InterpreterBooking.Features.Settings;

/// <summary>The office's booking policy as the settings form shows it (the defaults until someone saves it: version 0).</summary>
internal sealed record GetBookingPolicy : IQuery<BookingPolicyView>;

/// <summary>
/// The rules requests of the office follow (ADR 0036). <see cref="CanEdit"/>: whether the reader may change them (supervisors
/// and administrators); <see cref="Version"/>: what the form was read at.
/// </summary>
internal sealed record BookingPolicyView(
    int NoticeWorkingDays,
    int TierSize,
    int TierWindowMinutes,
    int UrgentTierWindowMinutes,
    int TravelBufferMinutes,
    int LateCancellationHours,
    int FillDeadlineHoursBeforeStart,
    int DetailAccessDays,
    string? DefaultDistrict,
    int Version,
    bool CanEdit = false);

/// <summary>Changes the office's booking policy; supervisors and administrators only. Applies to requests made or re-offered from now on.</summary>
internal sealed record UpdateBookingPolicy(
    int NoticeWorkingDays,
    int TierSize,
    int TierWindowMinutes,
    int UrgentTierWindowMinutes,
    int TravelBufferMinutes,
    int LateCancellationHours,
    int FillDeadlineHoursBeforeStart,
    int DetailAccessDays,
    string? DefaultDistrict,
    int Version) : ICommand<BookingPolicyView>;

/// <summary>The ranges (ADR 0036): wide enough for any office, narrow enough that a typo cannot stop offers going out.</summary>
internal sealed class UpdateBookingPolicyValidator : AbstractValidator<UpdateBookingPolicy>
{
    public UpdateBookingPolicyValidator()
    {
        RuleFor(c => c.NoticeWorkingDays).InclusiveBetween(0, 20).WithMessage("Die Vorlaufzeit liegt zwischen 0 und 20 Arbeitstagen.");
        RuleFor(c => c.TierSize).InclusiveBetween(1, 20).WithMessage("Eine Stufe geht an 1 bis 20 Personen.");
        RuleFor(c => c.TierWindowMinutes).InclusiveBetween(15, 2880).WithMessage("Eine Stufe wartet 15 Minuten bis 48 Stunden (2880 Minuten).");
        RuleFor(c => c.UrgentTierWindowMinutes).InclusiveBetween(5, 2880).WithMessage("Bei dringenden Anfragen wartet eine Stufe 5 Minuten bis 48 Stunden.");
        RuleFor(c => c.UrgentTierWindowMinutes).LessThanOrEqualTo(c => c.TierWindowMinutes)
            .When(c => c.UrgentTierWindowMinutes is >= 5 and <= 2880)
            .WithMessage("Bei dringenden Anfragen wartet eine Stufe nicht länger als sonst.");
        RuleFor(c => c.TravelBufferMinutes).InclusiveBetween(0, 240).WithMessage("Die Fahrzeit zwischen Einsätzen liegt zwischen 0 und 240 Minuten.");
        RuleFor(c => c.LateCancellationHours).InclusiveBetween(0, 168).WithMessage("Kurzfristig ist eine Absage 0 bis 168 Stunden (eine Woche) vor Beginn.");
        RuleFor(c => c.FillDeadlineHoursBeforeStart).InclusiveBetween(0, 336).WithMessage("Eine Anfrage wird 0 bis 336 Stunden (zwei Wochen) vor Beginn aufgegeben.");
        RuleFor(c => c.DetailAccessDays).InclusiveBetween(0, 90).WithMessage("Die Sprachmittlung sieht die Einzelheiten 0 bis 90 Tage nach dem Einsatz.");
        RuleFor(c => c.DefaultDistrict).MaximumLength(100).WithMessage("Der Bezirk hat höchstens 100 Zeichen.");
        RuleFor(c => c.Version).GreaterThanOrEqualTo(0);
    }
}

internal static class BookingPolicyAccess
{
    public static bool MayRead(ICurrentUser user) =>
        user.OfficeId is not null && (user.IsInRole(Roles.Streetworker) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator));

    public static bool MayEdit(ICurrentUser user) =>
        user.OfficeId is not null && (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator));

    public static BookingPolicyView View(BookingPolicy policy, bool canEdit) => new(
        policy.NoticeWorkingDays, policy.TierSize, policy.TierWindowMinutes, policy.UrgentTierWindowMinutes, policy.TravelBufferMinutes,
        policy.LateCancellationHours, policy.FillDeadlineHoursBeforeStart, policy.DetailAccessDays, policy.DefaultDistrict, policy.Version, canEdit);
}

internal sealed class GetBookingPolicyHandler(InterpreterBookingDbContext db, ICurrentUser user) : IQueryHandler<GetBookingPolicy, BookingPolicyView>
{
    public async Task<Result<BookingPolicyView>> Handle(GetBookingPolicy query, CancellationToken cancellationToken)
    {
        if (!BookingPolicyAccess.MayRead(user) || user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        var policy = await db.PolicyForAsync(office, cancellationToken);
        return BookingPolicyAccess.View(policy, BookingPolicyAccess.MayEdit(user));
    }
}

internal sealed class UpdateBookingPolicyHandler(InterpreterBookingDbContext db, ICurrentUser user, IAuditTrail audit)
    : ICommandHandler<UpdateBookingPolicy, BookingPolicyView>
{
    public async Task<Result<BookingPolicyView>> Handle(UpdateBookingPolicy command, CancellationToken cancellationToken)
    {
        if (!BookingPolicyAccess.MayEdit(user) || user.OfficeId is not { } office)
        {
            return Error.Forbidden("supervisors-only", "Nur Teamleitung und Verwaltung ändern die Regeln der Sprachmittlung.");
        }

        var policy = await db.Policies.SingleOrDefaultAsync(p => p.OfficeId == office, cancellationToken);
        var before = policy is null ? BookingPolicy.Default(office) : null;
        if (policy is null)
        {
            // Never saved: the form showed the defaults at version 0. A second first save collides on the office's key and
            // the unit of work answers it as a concurrent edit (ADR 0031).
            if (command.Version != 0)
            {
                return Error.ConcurrentEdit("booking policy");
            }

            // Saved rows start at version 1, so a form still showing the defaults (0) cannot overwrite the first save.
            policy = BookingPolicy.Default(office);
            db.Policies.Add(policy);
            db.Entry(policy).Property(p => p.Version).CurrentValue = 1;
        }
        else
        {
            db.Entry(policy).Property(p => p.Version).OriginalValue = command.Version;
        }

        var changed = Changes(before ?? policy, command);
        policy.NoticeWorkingDays = command.NoticeWorkingDays;
        policy.TierSize = command.TierSize;
        policy.TierWindowMinutes = command.TierWindowMinutes;
        policy.UrgentTierWindowMinutes = command.UrgentTierWindowMinutes;
        policy.TravelBufferMinutes = command.TravelBufferMinutes;
        policy.LateCancellationHours = command.LateCancellationHours;
        policy.FillDeadlineHoursBeforeStart = command.FillDeadlineHoursBeforeStart;
        policy.DetailAccessDays = command.DetailAccessDays;
        policy.DefaultDistrict = string.IsNullOrWhiteSpace(command.DefaultDistrict) ? null : command.DefaultDistrict.Trim();
        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Update, "BookingPolicy", office.ToString(),
            Details: changed.Count == 0 ? "no change" : "fields: " + string.Join(", ", changed)), cancellationToken);
        return BookingPolicyAccess.View(policy, canEdit: true) with { Version = command.Version + 1 };
    }

    private static List<string> Changes(BookingPolicy old, UpdateBookingPolicy next)
    {
        var changed = new List<string>();
        void Check(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changed.Add(name);
            }
        }

        Check("notice", old.NoticeWorkingDays, next.NoticeWorkingDays);
        Check("tier size", old.TierSize, next.TierSize);
        Check("tier window", old.TierWindowMinutes, next.TierWindowMinutes);
        Check("urgent tier window", old.UrgentTierWindowMinutes, next.UrgentTierWindowMinutes);
        Check("travel buffer", old.TravelBufferMinutes, next.TravelBufferMinutes);
        Check("late cancellation", old.LateCancellationHours, next.LateCancellationHours);
        Check("fill deadline", old.FillDeadlineHoursBeforeStart, next.FillDeadlineHoursBeforeStart);
        Check("detail access", old.DetailAccessDays, next.DetailAccessDays);
        Check("default district", old.DefaultDistrict, string.IsNullOrWhiteSpace(next.DefaultDistrict) ? null : next.DefaultDistrict.Trim());
        return changed;
    }
}

internal static class BookingPolicyEndpoints
{
    /// <summary>Readable by the office's coordinators and administrators; the handler lets only supervisors and administrators change it.</summary>
    public static void Map(RouteGroupBuilder settings)
    {
        settings.MapGet("/settings", async (IQueryHandler<GetBookingPolicy, BookingPolicyView> handler, CancellationToken ct) =>
            (await handler.Handle(new GetBookingPolicy(), ct)).ToHttpResult());
        settings.MapPut("/settings", async (UpdateBookingPolicy command, ICommandHandler<UpdateBookingPolicy, BookingPolicyView> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult());
    }
}
