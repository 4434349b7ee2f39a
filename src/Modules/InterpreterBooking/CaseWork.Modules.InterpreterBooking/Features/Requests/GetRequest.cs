using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Requests;

/// <summary>One request of the coordinator's office with its offers and the current ranking, explained (who matches, in which order, and why others do not).</summary>
internal sealed record GetRequest(Guid RequestId) : IQuery<RequestDetails>;

internal sealed record RequestDetails(
    Guid RequestId,
    Guid? AppointmentId,
    RequestState State,
    string Language,
    string? Dialect,
    Modality Modality,
    DateTimeOffset Start,
    DateTimeOffset End,
    string? Place,
    string? District,
    SubjectArea SubjectArea,
    string? PreferredGender,
    bool Urgent,
    DateTimeOffset Deadline,
    int CurrentTier,
    Guid? InterpreterId,
    string? InterpreterName,
    int Version,
    IReadOnlyList<OfferLine> Offers,
    IReadOnlyList<RankedInterpreter> Ranking,
    IReadOnlyList<RejectedInterpreter> NotMatching,
    int RankingTotal,
    int NotMatchingTotal,
    BookingLine? Booking = null,
    string? Notes = null,
    string? CancellationReason = null,
    bool Editable = false,
    bool Cancellable = false,
    int LateCancellationHours = 0,
    IReadOnlyList<NotificationLine>? Notifications = null);

/// <summary>A mail to an interpreter about this request and how its delivery went (ADR 0036); the text itself is not shown.</summary>
internal sealed record NotificationLine(
    string InterpreterName, NotificationKind Kind, NotificationState State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>
/// The request's latest booking: what the interpreter recorded (actual times, travel) and whether a worker confirmed it.
/// The confirmation code is not shown here: the interpreter shows it on site.
/// </summary>
internal sealed record BookingLine(
    Guid BookingId, BookingState State, DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, int TravelMinutes, decimal Kilometres,
    DateTimeOffset? ConfirmedAt, string? ConfirmedBy);

internal sealed record OfferLine(Guid OfferId, Guid InterpreterId, string InterpreterName, int Round, int Tier, int Rank, Qualification Qualification,
    DateTimeOffset? LastAssignedAt, OfferState State, DateTimeOffset OfferedAt, DateTimeOffset? RespondedAt, string? DeclineReason);

internal sealed class GetRequestHandler(InterpreterBookingDbContext db, OfferRound round, IOfficeDirectory directory, TimeProvider clock) : IQueryHandler<GetRequest, RequestDetails>
{
    /// <summary>A pool of thousands would make the explanation unreadable: the first 50 of each list, with the totals.</summary>
    private const int ShownPerList = 50;

    // Compiled once (ADR 0050): a coordinator's view of a request runs these besides matching. The office filter applies.
    private static readonly PerModel<Func<InterpreterBookingDbContext, Guid, CancellationToken, Task<InterpreterRequest?>>> RequestById = new(() =>
        EF.CompileAsyncQuery((InterpreterBookingDbContext db, Guid id, CancellationToken _) => db.Requests.AsNoTracking().FirstOrDefault(r => r.Id == id)));

    private static readonly PerModel<Func<InterpreterBookingDbContext, Guid, IAsyncEnumerable<InterpreterNotification>>> NotificationsOf = new(() =>
        EF.CompileAsyncQuery<InterpreterBookingDbContext, Guid, InterpreterNotification>((db, id) => db.Notifications.AsNoTracking().Where(n => n.RequestId == id).OrderBy(n => n.CreatedAt)));

    // A request has a booking or a few (one per interpreter who took it and gave it back): all are read and the latest
    // taken here, because a compiled "first by booked_at" sends its LIMIT as a parameter, and PostgreSQL's generic plan for
    // it took 0.75 ms a call in the benchmark against 0.05 ms for LIMIT 1 (ADR 0050).
    private static readonly PerModel<Func<InterpreterBookingDbContext, Guid, IAsyncEnumerable<Booking>>> BookingsOf = new(() =>
        EF.CompileAsyncQuery((InterpreterBookingDbContext db, Guid id) => db.Bookings.AsNoTracking().Where(b => b.RequestId == id)));

    public async Task<Result<RequestDetails>> Handle(GetRequest query, CancellationToken cancellationToken)
    {
        // The office filter applies: another office's request reads as not found.
        var request = await RequestById.For(db)(db, query.RequestId, cancellationToken);
        if (request is null)
        {
            return Error.NotFound("request-not-found", "There is no such request.");
        }

        var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
        var report = await round.MatchAsync(request, policy, cancellationToken);
        var notifications = await NotificationsOf.For(db)(db, request.Id).ToListAsync(cancellationToken);
        // Names of the pool's candidates come with the ranking; only others (an interpreter who no longer matches) are read.
        var names = report.Ranked.Select(r => (r.InterpreterId, r.DisplayName)).Concat(report.Rejected.Select(r => (r.InterpreterId, r.DisplayName)))
            .ToDictionary(n => n.InterpreterId, n => n.DisplayName);
        var unknown = request.Offers.Select(o => o.InterpreterId).Concat(notifications.Select(n => n.InterpreterId))
            .Concat(request.InterpreterId is { } assigned ? [assigned] : [])
            .Where(id => !names.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            foreach (var profile in await round.ProfilesAsync(unknown, cancellationToken))
            {
                names[profile.Id] = profile.DisplayName;
            }
        }

        string Name(BuildingBlocks.Ids.UserId id) => names.GetValueOrDefault(id) ?? "?";
        var booking = (await BookingsOf.For(db)(db, request.Id).ToListAsync(cancellationToken)).MaxBy(b => b.BookedAt);
        var confirmedBy = booking?.ConfirmedBy is { } by ? (await directory.GetUserAsync(by, cancellationToken))?.DisplayName : null;
        return new RequestDetails(
            request.Id, request.AppointmentId, request.State, request.Language, request.Dialect, request.Modality, request.Start, request.End,
            request.Place, request.District, request.SubjectArea, request.PreferredGender, request.Urgent, request.Deadline, request.CurrentTier,
            request.InterpreterId?.Value, request.InterpreterId is { } i ? Name(i) : null, request.Version,
            request.Offers.OrderBy(o => o.Round).ThenBy(o => o.Rank).Select(o => new OfferLine(
                o.Id, o.InterpreterId.Value, Name(o.InterpreterId), o.Round, o.Tier, o.Rank, o.Qualification, o.LastAssignedAtWhenOffered, o.State,
                o.OfferedAt, o.RespondedAt, o.DeclineReason)).ToList(),
            [.. report.Ranked.Take(ShownPerList)], [.. report.Rejected.Take(ShownPerList)], report.Ranked.Count, report.Rejected.Count,
            booking is null ? null : new BookingLine(booking.Id, booking.State, booking.ActualStart, booking.ActualEnd, booking.TravelMinutes,
                booking.Kilometres, booking.ConfirmedAt, confirmedBy),
            request.Notes, request.CancellationReason, request.IsEditable,
            request.AppointmentId is null && request.State != RequestState.Cancelled && clock.GetUtcNow() < request.Start,
            policy.LateCancellationHours,
            [.. notifications.Select(n => new NotificationLine(Name(n.InterpreterId), n.Kind, n.State, n.Attempts, n.CreatedAt, n.SentAt, n.NextAttemptAt, n.LastError))]);
    }
}

internal static class GetRequestEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapGet("/requests/{requestId:guid}", async (Guid requestId, IQueryHandler<GetRequest, RequestDetails> handler, CancellationToken ct) =>
            (await handler.Handle(new GetRequest(requestId), ct)).ToHttpResult());
}
