using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Requests;

/// <summary>A coordinator books a pool member directly (e.g. after a phone call), under the same double-booking guard as an accept.</summary>
internal sealed record AssignInterpreter(Guid RequestId, Guid InterpreterId) : ICommand<AcceptedOffer>;

internal sealed class AssignInterpreterHandler(InterpreterBookingDbContext db, ICurrentUser user, BookingWriter writer)
    : ICommandHandler<AssignInterpreter, AcceptedOffer>
{
    public async Task<Result<AcceptedOffer>> Handle(AssignInterpreter command, CancellationToken cancellationToken)
    {
        var office = user.OfficeId;
        var exists = await db.Requests.AsNoTracking().IgnoreAutoIncludes().AnyAsync(r => r.Id == command.RequestId, cancellationToken);
        if (!exists || office is null)
        {
            return Error.NotFound("request-not-found", "There is no such request.");
        }

        var interpreter = new UserId(command.InterpreterId);
        var member = await db.PoolMemberships.AnyAsync(m => m.InterpreterId == interpreter && m.LeftAt == null, cancellationToken);
        if (!member)
        {
            return Error.Validation("interpreterId", "This interpreter is not in the office's pool.");
        }

        var booked = await writer.BookAsync(command.RequestId, interpreter, (request, now) => request.Assign(interpreter, now), cancellationToken);
        return booked.IsSuccess ? new AcceptedOffer(booked.Value.Id, command.RequestId) : booked.Error;
    }
}

internal sealed record AssignBody(Guid InterpreterId);

internal static class AssignInterpreterEndpoint
{
    public static void Map(RouteGroupBuilder coordinator) =>
        coordinator.MapPost("/requests/{requestId:guid}/assign", async (Guid requestId, AssignBody body, ICommandHandler<AssignInterpreter, AcceptedOffer> handler, CancellationToken ct) =>
            (await handler.Handle(new AssignInterpreter(requestId, body.InterpreterId), ct)).ToHttpResult());
}
