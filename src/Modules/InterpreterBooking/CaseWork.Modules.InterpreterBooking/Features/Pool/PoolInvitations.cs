using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

// Interpreters serving several offices (ADR 0038): an office invites an interpreter of another office by e-mail; the
// interpreter accepts or declines in the portal; only an accepted invitation adds them to the inviting office's pool.

/// <summary>A coordinator invites the interpreter signed in with <see cref="Email"/> into the office's pool.</summary>
internal sealed record InviteInterpreter(string Email) : ICommand<Guid>;

/// <summary>A coordinator takes back an invitation of the office that nobody has answered yet.</summary>
internal sealed record WithdrawInvitation(Guid InvitationId) : ICommand<Unit>;

/// <summary>The office's invitations, newest first, for the pool page.</summary>
internal sealed record ListInvitations : IQuery<IReadOnlyList<InvitationView>>;

internal sealed record InvitationView(Guid InvitationId, string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, InvitationState State,
    bool Expired, DateTimeOffset? AnsweredAt);

/// <summary>The signed-in interpreter's open invitations (addressed to their account's e-mail).</summary>
internal sealed record MyInvitations : IQuery<IReadOnlyList<MyInvitationView>>;

internal sealed record MyInvitationView(Guid InvitationId, string OfficeName, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt);

/// <summary>The signed-in interpreter accepts or declines an invitation addressed to them.</summary>
internal sealed record AnswerInvitation(Guid InvitationId, bool Accept) : ICommand<Unit>;

internal sealed class InviteInterpreterValidator : AbstractValidator<InviteInterpreter>
{
    public InviteInterpreterValidator() =>
        RuleFor(c => c.Email).NotEmpty().MaximumLength(256)
            .Must(e => PoolInvitation.LooksLikeAnAddress(e)).WithMessage("Give an e-mail address such as name@example.org.");
}

internal sealed class InviteInterpreterHandler(
    InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory directory, InterpreterNotifier notifier, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<InviteInterpreter, Guid>
{
    public async Task<Result<Guid>> Handle(InviteInterpreter command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } me)
        {
            return Error.Forbidden("no-office", "You do not work for an office.");
        }

        var email = PoolInvitation.Normalise(command.Email);
        var now = clock.GetUtcNow();

        // Only people the office already sees are checked here (its pool and its own accounts), so nothing leaks about others.
        // Someone whose membership ended may be invited again (ADR 0048).
        var members = await db.PoolMemberships.Where(m => m.LeftAt == null).Select(m => m.InterpreterId).ToListAsync(cancellationToken);
        if ((await directory.GetUsersAsync(members, cancellationToken)).Values.Any(u => SameAddress(u, email)))
        {
            return Error.Conflict("already-in-pool", "This interpreter is already in the office's pool.");
        }

        if ((await directory.GetStaffAsync(office, Roles.Interpreter, cancellationToken)).Any(u => SameAddress(u, email)))
        {
            return Error.Conflict("own-account", "This is an interpreter account of the office: add it to the pool directly.");
        }

        // Inviting the same address again while an invitation is open changes nothing: the interpreter sees one invitation.
        var open = await db.PoolInvitations
            .Where(i => i.Email == email && i.State == InvitationState.Pending && i.ExpiresAt > now)
            .Select(i => (Guid?)i.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is { } existing)
        {
            return existing;
        }

        var invitation = new PoolInvitation(office, email, me, now);
        db.PoolInvitations.Add(invitation);
        // The mail is written in this unit of work and sent after the commit (ADR 0036); asking again while the invitation
        // is open (above) sends nothing more.
        var names = await OfficeNames.ResolveAsync(directory, [office], cancellationToken);
        notifier.Invited(invitation, names[office], (await db.PolicyForAsync(office, cancellationToken)).Zone);
        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Create, "PoolInvitation", invitation.Id.ToString(),
            Details: "invitation into the office's interpreter pool"), cancellationToken);
        return invitation.Id;
    }

    private static bool SameAddress(StaffMember user, string email) =>
        user.Email is { Length: > 0 } address && PoolInvitation.Normalise(address) == email;
}

internal sealed class WithdrawInvitationHandler(InterpreterBookingDbContext db, IAuditTrail audit, TimeProvider clock) : ICommandHandler<WithdrawInvitation, Unit>
{
    public async Task<Result<Unit>> Handle(WithdrawInvitation command, CancellationToken cancellationToken)
    {
        // The office filter: another office's invitation is not found.
        var invitation = await db.PoolInvitations.FirstOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken);
        if (invitation is null)
        {
            return Error.NotFound("invitation-not-found", "There is no such invitation.");
        }

        var withdrawn = invitation.Withdraw(clock.GetUtcNow());
        if (!withdrawn.IsSuccess)
        {
            return withdrawn.Error;
        }

        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Update, "PoolInvitation", invitation.Id.ToString(),
            Details: "withdrawn"), cancellationToken);
        return Unit.Value;
    }
}

internal sealed class ListInvitationsHandler(InterpreterBookingDbContext db, TimeProvider clock) : IQueryHandler<ListInvitations, IReadOnlyList<InvitationView>>
{
    public async Task<Result<IReadOnlyList<InvitationView>>> Handle(ListInvitations query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitations = await db.PoolInvitations.AsNoTracking().ToListAsync(cancellationToken);
        return invitations
            .OrderByDescending(i => i.InvitedAt)
            .Select(i => new InvitationView(i.Id, i.Email, i.InvitedAt, i.ExpiresAt, i.State, i.State == InvitationState.Pending && i.ExpiresAt <= now, i.AnsweredAt))
            .ToList();
    }
}

internal sealed class MyInvitationsHandler(InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory directory, TimeProvider clock)
    : IQueryHandler<MyInvitations, IReadOnlyList<MyInvitationView>>
{
    /// <summary>Compiled once: the portal asks it on a visit while some invitation is open.</summary>
    private static readonly PerModel<Func<InterpreterBookingDbContext, string, DateTimeOffset, IAsyncEnumerable<PoolInvitation>>> OpenFor = new(() =>
        EF.CompileAsyncQuery((InterpreterBookingDbContext db, string email, DateTimeOffset now) => db.PoolInvitations.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.Email == email && i.State == InvitationState.Pending && i.ExpiresAt > now)));

    public async Task<Result<IReadOnlyList<MyInvitationView>>> Handle(MyInvitations query, CancellationToken cancellationToken)
    {
        // The portal asks on every visit and nearly always nobody is invited: one look at the module's own table first, and
        // the office directory (another store) is asked for the account's address only when some invitation is open.
        var now = clock.GetUtcNow();
        if (!await PortalPoolReader.AnyOpenInvitationAsync(db, now, cancellationToken)
            || await InvitationAddress.OfAsync(user, directory, cancellationToken) is not { } email)
        {
            return Array.Empty<MyInvitationView>();
        }

        var invitations = await OpenFor.For(db)(db, email, now).ToListAsync(cancellationToken);

        var names = await OfficeNames.ResolveAsync(directory, invitations.Select(i => i.OfficeId), cancellationToken);
        return invitations.OrderBy(i => i.InvitedAt).Select(i => new MyInvitationView(i.Id, names[i.OfficeId], i.InvitedAt, i.ExpiresAt)).ToList();
    }
}

internal sealed class AnswerInvitationHandler(InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory directory, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<AnswerInvitation, Unit>
{
    public async Task<Result<Unit>> Handle(AnswerInvitation command, CancellationToken cancellationToken)
    {
        var email = await InvitationAddress.OfAsync(user, directory, cancellationToken);
        var invitation = email is null || user.UserId is null
            ? null
            : await db.PoolInvitations.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.Email == email, cancellationToken);
        if (invitation is null)
        {
            return Error.NotFound("invitation-not-found", "There is no such invitation.");
        }

        var me = user.UserId!.Value;
        var now = clock.GetUtcNow();
        var answered = invitation.Answer(me, command.Accept, now);
        if (!answered.IsSuccess)
        {
            return answered.Error;
        }

        if (command.Accept)
        {
            var office = invitation.OfficeId;
            var membership = await db.PoolMemberships.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.OfficeId == office && m.InterpreterId == me, cancellationToken);
            if (membership is null)
            {
                db.PoolMemberships.Add(new PoolMembership(office, me, now));
            }
            else
            {
                // Coming back to an office one had left brings the old membership back, with the rates it had (ADR 0048).
                membership.Rejoin();
            }

            // The profile is shared: an interpreter whose own office never filled one in gets an empty one the offices complete.
            if (!await db.Interpreters.AnyAsync(p => p.Id == me, cancellationToken))
            {
                var account = await directory.GetUserAsync(me, cancellationToken);
                db.Interpreters.Add(new InterpreterProfile(me, account?.DisplayName ?? user.Name) { Email = account?.Email, CalendarToken = Offer.NewToken() });
            }
        }

        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Update, "PoolInvitation", invitation.Id.ToString(),
            Details: command.Accept ? "accepted: joined the office's pool" : "declined"), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>The address invitations reach the signed-in user at: their account's e-mail, normalised.</summary>
internal static class InvitationAddress
{
    public static async Task<string?> OfAsync(ICurrentUser user, IOfficeDirectory directory, CancellationToken cancellationToken) =>
        user.UserId is { } me && await directory.GetUserAsync(me, cancellationToken) is { Email: { Length: > 0 } email }
            ? PoolInvitation.Normalise(email)
            : null;
}

internal sealed record InviteBody(string? Email);

internal static class PoolInvitationEndpoints
{
    public static void MapForCoordinator(RouteGroupBuilder coordinator)
    {
        coordinator.MapGet("/pool/invitations", async (IQueryHandler<ListInvitations, IReadOnlyList<InvitationView>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListInvitations(), ct)).ToHttpResult());
        coordinator.MapPost("/pool/invitations", async (InviteBody body, ICommandHandler<InviteInterpreter, Guid> handler, CancellationToken ct) =>
            (await handler.Handle(new InviteInterpreter(body?.Email ?? ""), ct)).ToHttpResult(id => TypedResults.Ok(new { invitationId = id })));
        coordinator.MapPost("/pool/invitations/{invitationId:guid}/withdraw", async (Guid invitationId, ICommandHandler<WithdrawInvitation, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new WithdrawInvitation(invitationId), ct)).ToHttpResult(_ => TypedResults.NoContent()));
    }

    public static void MapForInterpreter(RouteGroupBuilder interpreter)
    {
        interpreter.MapGet("/invitations", async (IQueryHandler<MyInvitations, IReadOnlyList<MyInvitationView>> handler, CancellationToken ct) =>
            (await handler.Handle(new MyInvitations(), ct)).ToHttpResult());
        interpreter.MapPost("/invitations/{invitationId:guid}/accept", async (Guid invitationId, ICommandHandler<AnswerInvitation, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new AnswerInvitation(invitationId, true), ct)).ToHttpResult(_ => TypedResults.NoContent()));
        interpreter.MapPost("/invitations/{invitationId:guid}/decline", async (Guid invitationId, ICommandHandler<AnswerInvitation, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new AnswerInvitation(invitationId, false), ct)).ToHttpResult(_ => TypedResults.NoContent()));
    }
}
