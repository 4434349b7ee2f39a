using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Requests;

/// <summary>The office's requests, optionally in one state, soonest first.</summary>
internal sealed record ListRequests(RequestState? State) : IQuery<IReadOnlyList<RequestLine>>;

internal sealed record RequestLine(Guid RequestId, RequestState State, string Language, string? Dialect, Modality Modality, DateTimeOffset Start,
    DateTimeOffset End, bool Urgent, DateTimeOffset Deadline, int PendingOffers, Guid? InterpreterId, bool AwaitsConfirmation = false);

internal sealed class ListRequestsHandler(InterpreterBookingDbContext db) : IQueryHandler<ListRequests, IReadOnlyList<RequestLine>>
{
    public async Task<Result<IReadOnlyList<RequestLine>>> Handle(ListRequests query, CancellationToken cancellationToken)
    {
        var requests = db.Requests.AsNoTracking().IgnoreAutoIncludes();
        if (query.State is { } state)
        {
            requests = requests.Where(r => r.State == state);
        }

        var rows = await requests
            .OrderBy(r => r.Start)
            .Take(500)
            .Select(r => new { r.Id, r.State, r.Language, r.Dialect, r.Modality, r.Start, r.End, r.Urgent, r.Deadline,
                Pending = r.Offers.Count(o => o.State == OfferState.Pending), r.InterpreterId,
                // The interpreter recorded the job; a worker still has to confirm it.
                Recorded = db.Bookings.Any(b => b.RequestId == r.Id && b.State == BookingState.Recorded) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RequestLine(r.Id, r.State, r.Language, r.Dialect, r.Modality, r.Start, r.End, r.Urgent, r.Deadline,
            r.Pending, r.InterpreterId?.Value, r.Recorded)).ToList();
    }
}

internal static class ListRequestsEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapGet("/requests", async (RequestState? state, IQueryHandler<ListRequests, IReadOnlyList<RequestLine>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListRequests(state), ct)).ToHttpResult());
}
