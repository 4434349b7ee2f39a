using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Offers;

/// <summary>The signed-in interpreter accepts one of their offers (<see cref="Token"/> null), or anyone holding the offer's emailed link does.</summary>
internal sealed record AcceptOffer(Guid? OfferId, string? Token = null) : ICommand<AcceptedOffer>;

internal sealed record AcceptedOffer(Guid BookingId, Guid RequestId);

internal sealed class AcceptOfferHandler(InterpreterBookingDbContext db, ICurrentUser user, BookingWriter writer)
    : ICommandHandler<AcceptOffer, AcceptedOffer>
{
    public async Task<Result<AcceptedOffer>> Handle(AcceptOffer command, CancellationToken cancellationToken)
    {
        var offers = db.Offers.AsNoTracking();
        var offer = command.Token is { Length: > 0 } token
            ? await offers.FirstOrDefaultAsync(o => o.LinkToken == token, cancellationToken)
            : user.UserId is { } me
                ? await offers.FirstOrDefaultAsync(o => o.Id == command.OfferId && o.InterpreterId == me, cancellationToken)
                : null;
        if (offer is null)
        {
            return Error.NotFound("offer-not-found", "There is no such offer.");
        }

        var booked = await writer.BookAsync(offer.RequestId, offer.InterpreterId, (request, now) =>
        {
            var accepted = request.Accept(offer.Id, offer.InterpreterId, now);
            return accepted.IsSuccess ? Unit.Value : accepted.Error;
        }, cancellationToken);
        return booked.IsSuccess ? new AcceptedOffer(booked.Value.Id, offer.RequestId) : booked.Error;
    }
}

internal static class AcceptOfferEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapPost("/offers/{offerId:guid}/accept", async (Guid offerId, ICommandHandler<AcceptOffer, AcceptedOffer> handler, CancellationToken ct) =>
            (await handler.Handle(new AcceptOffer(offerId), ct)).ToHttpResult());
}
