using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

/// <summary>One pool member in full, for the coordinators' edit page: profile, availability and declared conflicts of interest.</summary>
internal sealed record GetPoolMember(Guid InterpreterId) : IQuery<PoolMemberDetails>;

internal sealed record ConflictLine(Guid ConflictId, Guid? ClientId, string Reason, DateTimeOffset DeclaredAt);

internal sealed record PoolMemberDetails(
    Guid InterpreterId, string DisplayName, string? Email, string? Phone, string? Gender, IReadOnlyList<LanguageSkill> Languages,
    Modalities Modalities, IReadOnlyList<string> Districts, int? TravelRadiusKm, int DailyMaximum, FeeRates Fees,
    IReadOnlyList<WeeklySlot> Weekly, IReadOnlyList<Absence> Absences, IReadOnlyList<ConflictLine> Conflicts, int Version, int TermsVersion);

/// <summary>The coordinator records that an interpreter must never be offered jobs with a client (relative, neighbour, ...).</summary>
internal sealed record DeclareConflict(Guid InterpreterId, Guid ClientId, string Reason) : ICommand<Guid>;

internal sealed record WithdrawConflict(Guid InterpreterId, Guid ConflictId) : ICommand<Unit>;

internal sealed class DeclareConflictValidator : AbstractValidator<DeclareConflict>
{
    public DeclareConflictValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(200);
    }
}

internal sealed class GetPoolMemberHandler(InterpreterBookingDbContext db, IAuditTrail audit) : IQueryHandler<GetPoolMember, PoolMemberDetails>
{
    public async Task<Result<PoolMemberDetails>> Handle(GetPoolMember query, CancellationToken cancellationToken)
    {
        var id = new UserId(query.InterpreterId);
        // The office filter on memberships: an interpreter outside this office's pool is not found.
        var member = await db.PoolMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.InterpreterId == id && m.LeftAt == null, cancellationToken);
        var p = member is not null ? await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken) : null;
        if (member is null || p is null)
        {
            return Error.NotFound("interpreter-not-found", "No such interpreter in this office's pool.");
        }

        var conflicts = await db.ConflictsOfInterest.AsNoTracking()
            .Where(c => c.InterpreterId == id)
            .OrderBy(c => c.DeclaredAt)
            .Select(c => new ConflictLine(c.Id, c.ClientId, c.Reason, c.DeclaredAt))
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Read, "InterpreterProfile", id.ToString(),
            Details: "contact details, availability, conflicts of interest"), cancellationToken);
        return new PoolMemberDetails(p.Id.Value, p.DisplayName, p.Email, p.Phone, p.Gender, p.Languages, p.Modalities, p.Districts, p.TravelRadiusKm,
            p.DailyMaximum, member.Fees, p.WeeklyAvailability, p.Absences, conflicts, p.Version, member.Version);
    }
}

internal sealed class DeclareConflictHandler(InterpreterBookingDbContext db, ICurrentUser user, IAuditTrail audit, ExclusionGuard exclusions, TimeProvider clock)
    : ICommandHandler<DeclareConflict, Guid>
{
    /// <summary>The office's requests not yet over that <paramref name="interpreter"/> is booked for or has a pending offer of.</summary>
    /// <remarks>
    /// Found from the interpreter's own rows, a handful: their pending offers, and their bookings (a request is only ever
    /// filled together with its booking, <see cref="BookingWriter"/>). Asked of the requests alone, SQLite reads every
    /// request of the office, each with a subquery of its own. The office is named here rather than left to the office
    /// filter, which would add it to the bookings too, and SQLite would then read them by office: every booking it has.
    /// </remarks>
    internal static IQueryable<InterpreterRequest> OfferedOrBooked(InterpreterBookingDbContext db, OfficeId office, UserId interpreter, DateTimeOffset now)
    {
        var theirs = db.Offers.Where(o => o.InterpreterId == interpreter && o.State == OfferState.Pending).Select(o => o.RequestId)
            .Concat(db.Bookings.Where(b => b.InterpreterId == interpreter).Select(b => b.RequestId));
        return db.Requests.IgnoreQueryFilters()
            .Where(r => theirs.Contains(r.Id) && r.OfficeId == office)
            .Where(r => r.End > now && r.State != RequestState.Cancelled
                        && ((r.State == RequestState.Filled && r.InterpreterId == interpreter)
                            || r.Offers.Any(o => o.InterpreterId == interpreter && o.State == OfferState.Pending)));
    }

    public async Task<Result<Guid>> Handle(DeclareConflict command, CancellationToken cancellationToken)
    {
        var id = new UserId(command.InterpreterId);
        if (user.OfficeId is not { } office || !await db.PoolMemberships.AnyAsync(m => m.InterpreterId == id && m.LeftAt == null, cancellationToken))
        {
            return Error.NotFound("interpreter-not-found", "No such interpreter in this office's pool.");
        }

        if (await db.ConflictsOfInterest.AnyAsync(c => c.InterpreterId == id && c.ClientId == command.ClientId, cancellationToken))
        {
            return Error.Conflict("conflict-already-declared", "This conflict of interest is already declared.");
        }

        var now = clock.GetUtcNow();
        var conflict = new ConflictOfInterest(office, id, command.ClientId, command.Reason.Trim(), now);
        db.ConflictsOfInterest.Add(conflict);

        // Jobs with this client the interpreter was already offered or booked for: the offer goes, the booking is released.
        var affected = (await OfferedOrBooked(db, office, id, now).ToListAsync(cancellationToken))
            .Where(r => r.ClientIds.Contains(command.ClientId))
            .ToList();
        if (affected.Count > 0)
        {
            var policy = await db.PolicyForAsync(office, cancellationToken);
            foreach (var request in affected)
            {
                await exclusions.ApplyAsync(request, policy, now, cancellationToken, alsoExcluded: id);
            }
        }

        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Create, "ConflictOfInterest", conflict.Id.ToString(),
            Details: $"interpreter {id}, client {command.ClientId}; {affected.Count} open job(s) withdrawn from them"), cancellationToken);
        return conflict.Id;
    }
}

internal sealed class WithdrawConflictHandler(InterpreterBookingDbContext db, IAuditTrail audit) : ICommandHandler<WithdrawConflict, Unit>
{
    public async Task<Result<Unit>> Handle(WithdrawConflict command, CancellationToken cancellationToken)
    {
        var id = new UserId(command.InterpreterId);
        var conflict = await db.ConflictsOfInterest.FirstOrDefaultAsync(c => c.Id == command.ConflictId && c.InterpreterId == id, cancellationToken);
        if (conflict is null)
        {
            return Error.NotFound("conflict-not-found", "No such conflict of interest.");
        }

        db.ConflictsOfInterest.Remove(conflict);
        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Delete, "ConflictOfInterest", conflict.Id.ToString(),
            Details: $"interpreter {id}"), cancellationToken);
        return Unit.Value;
    }
}

internal sealed record DeclareConflictBody(Guid ClientId, string Reason);

internal static class ConflictEndpoints
{
    public static void Map(RouteGroupBuilder coordinator)
    {
        coordinator.MapGet("/pool/{interpreterId:guid}", async (Guid interpreterId, IQueryHandler<GetPoolMember, PoolMemberDetails> handler, CancellationToken ct) =>
            (await handler.Handle(new GetPoolMember(interpreterId), ct)).ToHttpResult());
        coordinator.MapPost("/pool/{interpreterId:guid}/conflicts", async (Guid interpreterId, DeclareConflictBody body, ICommandHandler<DeclareConflict, Guid> handler, CancellationToken ct) =>
            (await handler.Handle(new DeclareConflict(interpreterId, body.ClientId, body.Reason ?? ""), ct)).ToHttpResult(v => TypedResults.Created($"/api/interpreter-booking/pool/{interpreterId}", new { conflictId = v })));
        coordinator.MapDelete("/pool/{interpreterId:guid}/conflicts/{conflictId:guid}", async (Guid interpreterId, Guid conflictId, ICommandHandler<WithdrawConflict, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new WithdrawConflict(interpreterId, conflictId), ct)).ToHttpResult(_ => TypedResults.NoContent()));
    }
}
