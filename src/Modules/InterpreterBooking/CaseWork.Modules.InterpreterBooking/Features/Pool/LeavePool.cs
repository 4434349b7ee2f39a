using System.Linq.Expressions;
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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Pool;

// Leaving an interpreter pool (ADR 0048): the interpreter leaves an office's pool in the portal, or a coordinator takes a
// member out of the office's pool. The membership row stays (its rates price the office's past jobs in the statement); the
// office offers the interpreter nothing more, its pending offers to them are withdrawn, and it no longer sees their profile.
// While the interpreter has upcoming jobs with the office, the membership cannot end. Coming back takes a new invitation.

/// <summary>The signed-in interpreter leaves the pool of <see cref="OfficeId"/>; <see cref="Version"/> is the membership's, when a form carries it.</summary>
internal sealed record LeavePool(Guid OfficeId, int? Version = null) : ICommand<Unit>;

/// <summary>A coordinator takes <see cref="InterpreterId"/> out of the office's pool; <see cref="TermsVersion"/> is the membership's, when a form carries it.</summary>
internal sealed record RemoveFromPool(Guid InterpreterId, int? TermsVersion = null) : ICommand<Unit>;

/// <summary>The offices whose pool the signed-in interpreter is in, for "Meine Stellen" in the portal.</summary>
internal sealed record MyOffices : IQuery<IReadOnlyList<MyOfficeView>>;

/// <summary>One current membership: the office, since when, the version a leave form sends back, and the jobs that keep it from ending.</summary>
internal sealed record MyOfficeView(Guid OfficeId, string OfficeName, DateTimeOffset Since, int Version, int UpcomingJobs);

/// <summary>Ends one membership, for both ways of ending it. The caller's unit of work saves.</summary>
internal sealed class PoolLeaving(InterpreterBookingDbContext db, OfferRound round, InterpreterNotifier notifier, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The interpreter's upcoming jobs with one office (see <see cref="UpcomingJobs"/>).</summary>
    public static async Task<int> UpcomingJobsAsync(InterpreterBookingDbContext db, OfficeId office, UserId interpreter, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await UpcomingJobs.ByOfficeAsync(db, interpreter, now, cancellationToken)).GetValueOrDefault(office);

    /// <summary>Ends <paramref name="membership"/>, or says why not; returns how many pending offers it withdrew.</summary>
    public async Task<Result<int>> LeaveAsync(PoolMembership membership, int? version, string by, CancellationToken cancellationToken)
    {
        if (membership.LeftAt is not null)
        {
            return Error.Conflict("membership-ended", "This membership has already ended.");
        }

        if (version is { } read && read != membership.Version)
        {
            return Error.ConcurrentEdit("pool membership");
        }

        var now = clock.GetUtcNow();
        var office = membership.OfficeId;
        var interpreter = membership.InterpreterId;
        var upcoming = await UpcomingJobsAsync(db, office, interpreter, now, cancellationToken);
        if (upcoming > 0)
        {
            return Error.Conflict("upcoming-bookings", UpcomingMessage(upcoming));
        }

        var left = membership.Leave(now);
        if (!left.IsSuccess)
        {
            return left.Error;
        }

        var withdrawn = await WithdrawOffersAsync(office, interpreter, now, cancellationToken);
        await audit.RecordAsync(new AuditRecord(InterpreterBookingContract.ModuleName, AuditAction.Update, "PoolMembership", $"{office}/{interpreter}",
            Details: $"membership ended by {by}; {withdrawn} pending offers withdrawn"), cancellationToken);
        return withdrawn;
    }

    /// <summary>
    /// The refusal names how many jobs are in the way and what to do about them. In English, as every message of the API;
    /// the portal and the pool page show texts of their own in the page's language.
    /// </summary>
    public static string UpcomingMessage(int upcoming) => upcoming == 1
        ? "There is 1 upcoming job with this office. The membership can end once it is over or cancelled."
        : $"There are {upcoming} upcoming jobs with this office. The membership can end once they are over or cancelled.";

    /// <summary>The office's requests with a pending offer to <paramref name="interpreter"/>, each with all its offers.</summary>
    /// <remarks>
    /// Found from the interpreter's pending offers (<c>id IN (…)</c>), a handful, and then checked for the office. Asked the
    /// other way round (the office's requests having such an offer), SQLite reads every request the office ever made, each
    /// with a subquery of its own.
    /// </remarks>
    internal static IQueryable<InterpreterRequest> WithPendingOfferTo(InterpreterBookingDbContext db, OfficeId office, UserId interpreter)
    {
        var pending = db.Offers.Where(o => o.InterpreterId == interpreter && o.State == OfferState.Pending).Select(o => o.RequestId);
        return db.Requests.IgnoreQueryFilters().Where(r => pending.Contains(r.Id) && r.OfficeId == office);
    }

    /// <summary>
    /// Withdraws the office's pending offers to the interpreter, as for an exclusion found after the fact (<see cref="ExclusionGuard"/>):
    /// a tier left without anyone to answer moves on at once. The interpreter was asked in this round, so is not asked again.
    /// </summary>
    private async Task<int> WithdrawOffersAsync(OfficeId office, UserId interpreter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requests = await WithPendingOfferTo(db, office, interpreter).ToListAsync(cancellationToken);
        if (requests.Count == 0)
        {
            return 0;
        }

        var policy = await db.PolicyForAsync(office, cancellationToken);
        var only = new HashSet<UserId> { interpreter };
        var count = 0;
        foreach (var request in requests)
        {
            count += request.WithdrawOffersTo(only, now).Count;
            if (request.State == RequestState.Offered && request.TierIsOver(now, policy))
            {
                var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
                await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
            }
        }

        return count;
    }
}

internal sealed class LeavePoolHandler(InterpreterBookingDbContext db, ICurrentUser user, PoolLeaving leaving) : ICommandHandler<LeavePool, Unit>
{
    public async Task<Result<Unit>> Handle(LeavePool command, CancellationToken cancellationToken)
    {
        // The interpreter's own membership of that office only: another interpreter's, or an office they never joined, is not found.
        var office = new OfficeId(command.OfficeId);
        var membership = user.UserId is { } me
            ? await db.PoolMemberships.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.OfficeId == office && m.InterpreterId == me, cancellationToken)
            : null;
        if (membership is null)
        {
            return Error.NotFound("membership-not-found", "You are not in this office's pool.");
        }

        var left = await leaving.LeaveAsync(membership, command.Version, "the interpreter", cancellationToken);
        return left.IsSuccess ? Unit.Value : left.Error;
    }
}

internal sealed class RemoveFromPoolHandler(InterpreterBookingDbContext db, PoolLeaving leaving, InterpreterNotifier notifier, IOfficeDirectory directory)
    : ICommandHandler<RemoveFromPool, Unit>
{
    public async Task<Result<Unit>> Handle(RemoveFromPool command, CancellationToken cancellationToken)
    {
        // The office filter on memberships: another office's member is not found.
        var id = new UserId(command.InterpreterId);
        var membership = await db.PoolMemberships.FirstOrDefaultAsync(m => m.InterpreterId == id, cancellationToken);
        if (membership is null)
        {
            return Error.NotFound("interpreter-not-found", "No such interpreter in this office's pool.");
        }

        var left = await leaving.LeaveAsync(membership, command.TermsVersion, "the office", cancellationToken);
        if (!left.IsSuccess)
        {
            return left.Error;
        }

        // The interpreter learns it by mail, written in this unit of work (ADR 0036): otherwise the office's offers would
        // just stop coming. An interpreter who leaves on their own is not told what they just did.
        var address = await db.Interpreters.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
        var names = await OfficeNames.ResolveAsync(directory, [membership.OfficeId], cancellationToken);
        notifier.RemovedFromPool(membership, address, names[membership.OfficeId], left.Value);
        return Unit.Value;
    }
}

internal sealed class MyOfficesHandler(InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory directory, TimeProvider clock)
    : IQueryHandler<MyOffices, IReadOnlyList<MyOfficeView>>
{
    public async Task<Result<IReadOnlyList<MyOfficeView>>> Handle(MyOffices query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me)
        {
            return Array.Empty<MyOfficeView>();
        }

        // The memberships and their upcoming jobs in one hand-written statement: the portal asks on every visit (ADR 0053).
        var memberships = await PortalPoolReader.MembershipsAsync(db, me, clock.GetUtcNow(), cancellationToken);
        if (memberships.Count == 0)
        {
            return Array.Empty<MyOfficeView>();
        }

        var names = await OfficeNames.ResolveAsync(directory, memberships.Select(m => m.OfficeId), cancellationToken);
        return memberships
            .Select(m => new MyOfficeView(m.OfficeId.Value, names[m.OfficeId], m.Since, m.Version, m.UpcomingJobs))
            .OrderBy(v => v.OfficeName, StringComparer.CurrentCulture)
            .ToList();
    }
}

/// <summary>
/// The interpreter's bookings that still lie ahead (booked or waiting for the interpreter to confirm a new time, not yet over),
/// counted per office. Read through the interpreter's own bookings, with no condition on the office: given the office as well,
/// SQLite takes the office's index and reads every booking the office ever had (3 portal visits a second with 200,000 jobs).
/// </summary>
internal static class UpcomingJobs
{
    internal sealed record PerOffice(OfficeId OfficeId, int Count);

    internal static readonly Expression<Func<InterpreterBookingDbContext, UserId, DateTimeOffset, IQueryable<PerOffice>>> Query = (db, interpreter, now) =>
        db.Bookings.IgnoreQueryFilters()
            .Where(b => b.InterpreterId == interpreter
                        && (b.State == BookingState.Booked || b.State == BookingState.AwaitingReconfirmation)
                        && b.End > now)
            .GroupBy(b => b.OfficeId)
            .Select(g => new PerOffice(g.Key, g.Count()));

    /// <summary>
    /// Compiled once (ADR 0039). Leaving a pool asks it; the portal reads the same counts with its memberships in one
    /// hand-written statement (<see cref="PortalPoolReader"/>, ADR 0053), held to this query by <c>PortalPoolReaderTests</c>.
    /// </summary>
    private static readonly PerModel<Func<InterpreterBookingDbContext, UserId, DateTimeOffset, IAsyncEnumerable<PerOffice>>> Compiled = new(() => EF.CompileAsyncQuery(Query));

    public static ValueTask<Dictionary<OfficeId, int>> ByOfficeAsync(InterpreterBookingDbContext db, UserId interpreter, DateTimeOffset now, CancellationToken cancellationToken) =>
        Compiled.For(db)(db, interpreter, now).ToDictionaryAsync(c => c.OfficeId, c => c.Count, cancellationToken: cancellationToken);
}

internal sealed record LeaveBody(int? Version);

internal sealed record RemoveBody(int? TermsVersion);

internal static class LeavePoolEndpoints
{
    public static void MapForInterpreter(RouteGroupBuilder interpreter)
    {
        interpreter.MapGet("/memberships", async (IQueryHandler<MyOffices, IReadOnlyList<MyOfficeView>> handler, CancellationToken ct) =>
            (await handler.Handle(new MyOffices(), ct)).ToHttpResult());
        interpreter.MapPost("/memberships/{officeId:guid}/leave", async (Guid officeId, LeaveBody? body, ICommandHandler<LeavePool, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new LeavePool(officeId, body?.Version), ct)).ToHttpResult(_ => TypedResults.NoContent()));
    }

    public static void MapForCoordinator(RouteGroupBuilder coordinator) =>
        coordinator.MapPost("/pool/{interpreterId:guid}/leave", async (Guid interpreterId, RemoveBody? body, ICommandHandler<RemoveFromPool, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new RemoveFromPool(interpreterId, body?.TermsVersion), ct)).ToHttpResult(_ => TypedResults.NoContent()));
}
