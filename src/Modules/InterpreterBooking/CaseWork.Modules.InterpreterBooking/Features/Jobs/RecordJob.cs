using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>After the job the interpreter records actual start and end, travel time and kilometres.</summary>
internal sealed record RecordJob(Guid BookingId, DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int TravelMinutes, decimal Kilometres) : ICommand<Unit>;

internal sealed class RecordJobValidator : AbstractValidator<RecordJob>
{
    public RecordJobValidator()
    {
        RuleFor(c => c.ActualEnd).GreaterThan(c => c.ActualStart).WithMessage("The end must be after the start.");
        RuleFor(c => c.ActualEnd).Must((c, end) => end - c.ActualStart <= TimeSpan.FromHours(12)).WithMessage("A job lasts at most 12 hours.");
        RuleFor(c => c.TravelMinutes).InclusiveBetween(0, 600);
        RuleFor(c => c.Kilometres).InclusiveBetween(0m, 2000m);
    }
}

internal sealed class RecordJobHandler(InterpreterBookingDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordJob, Unit>
{
    public async Task<Result<Unit>> Handle(RecordJob command, CancellationToken cancellationToken)
    {
        var booking = user.UserId is { } me
            ? await db.Bookings.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == command.BookingId && b.InterpreterId == me, cancellationToken)
            : null;
        if (booking is null)
        {
            return Error.NotFound("booking-not-found", "There is no such job.");
        }

        return booking.Record(command.ActualStart, command.ActualEnd, command.TravelMinutes, command.Kilometres, clock.GetUtcNow());
    }
}

internal sealed record RecordBody(DateTimeOffset ActualStart, DateTimeOffset ActualEnd, int TravelMinutes, decimal Kilometres);

internal static class RecordJobEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapPost("/jobs/{bookingId:guid}/record", async (Guid bookingId, RecordBody body, ICommandHandler<RecordJob, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new RecordJob(bookingId, body.ActualStart, body.ActualEnd, body.TravelMinutes, body.Kilometres), ct))
            .ToHttpResult(_ => TypedResults.NoContent()));
}
