using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>The interpreter confirms a moved job, or declines it: then the booking ends and the request is offered again.</summary>
internal sealed record ReconfirmBooking(Guid BookingId, bool Confirmed, string? Reason) : ICommand<Unit>;

internal sealed class ReconfirmBookingHandler(InterpreterBookingDbContext db, ICurrentUser user, OfferRound round, InterpreterNotifier notifier, TimeProvider clock)
    : ICommandHandler<ReconfirmBooking, Unit>
{
    public async Task<Result<Unit>> Handle(ReconfirmBooking command, CancellationToken cancellationToken)
    {
        var booking = user.UserId is { } me
            ? await db.Bookings.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == command.BookingId && b.InterpreterId == me, cancellationToken)
            : null;
        if (booking is null)
        {
            return Error.NotFound("booking-not-found", "There is no such job.");
        }

        var now = clock.GetUtcNow();
        var result = booking.Reconfirm(command.Confirmed, command.Reason, now);
        if (!result.IsSuccess || command.Confirmed)
        {
            return result;
        }

        var request = await db.Requests.IgnoreQueryFilters().FirstAsync(r => r.Id == booking.RequestId, cancellationToken);
        var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
        request.Reopen(policy, now);
        db.Enqueue(new InterpreterBookingCancelled(Guid.NewGuid(), now, request.OfficeId, request.Id, request.AppointmentId, booking.InterpreterId,
            "interpreter could not confirm the new time"));
        var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
        return Unit.Value;
    }
}

internal sealed record ReconfirmBody(bool Confirmed, string? Reason);

internal static class ReconfirmBookingEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapPost("/jobs/{bookingId:guid}/reconfirm", async (Guid bookingId, ReconfirmBody body, ICommandHandler<ReconfirmBooking, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new ReconfirmBooking(bookingId, body.Confirmed, body.Reason), ct)).ToHttpResult(_ => TypedResults.NoContent()));
}
