using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>A worker of the office confirms a recorded job, optionally with the code the interpreter showed on site.</summary>
internal sealed record ConfirmJob(Guid BookingId, string? Code) : ICommand<Unit>;

internal sealed class ConfirmJobHandler(InterpreterBookingDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ConfirmJob, Unit>
{
    public async Task<Result<Unit>> Handle(ConfirmJob command, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.FirstOrDefaultAsync(b => b.Id == command.BookingId, cancellationToken);
        if (booking is null || user.UserId is not { } worker)
        {
            return Error.NotFound("booking-not-found", "There is no such job.");
        }

        return booking.Confirm(worker, string.IsNullOrWhiteSpace(command.Code) ? null : command.Code, clock.GetUtcNow());
    }
}

internal sealed record ConfirmBody(string? Code);

internal static class ConfirmJobEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapPost("/bookings/{bookingId:guid}/confirm", async (Guid bookingId, ConfirmBody body, ICommandHandler<ConfirmJob, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new ConfirmJob(bookingId, body?.Code), ct)).ToHttpResult(_ => TypedResults.NoContent()));
}
