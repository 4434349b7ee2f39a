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

namespace CaseWork.Modules.InterpreterBooking.Features.Offers;

/// <summary>The interpreter declines an offer with a reason (signed in, or through the emailed link's <see cref="Token"/>).</summary>
internal sealed record DeclineOffer(Guid? OfferId, string Reason, string? Token = null) : ICommand<Unit>;

internal sealed class DeclineOfferValidator : AbstractValidator<DeclineOffer>
{
    public DeclineOfferValidator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(500);
}

internal sealed class DeclineOfferHandler(InterpreterBookingDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<DeclineOffer, Unit>
{
    public async Task<Result<Unit>> Handle(DeclineOffer command, CancellationToken cancellationToken)
    {
        var offer = command.Token is { Length: > 0 } token
            ? await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.LinkToken == token, cancellationToken)
            : user.UserId is { } me
                ? await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OfferId && o.InterpreterId == me, cancellationToken)
                : null;
        if (offer is null)
        {
            return Error.NotFound("offer-not-found", "There is no such offer.");
        }

        var request = await db.Requests.IgnoreQueryFilters().FirstAsync(r => r.Id == offer.RequestId, cancellationToken);
        var declined = request.Decline(offer.Id, offer.InterpreterId, command.Reason.Trim(), clock.GetUtcNow());
        return declined.IsSuccess ? Unit.Value : declined.Error;
    }
}

internal sealed record DeclineBody(string? Reason);

internal static class DeclineOfferEndpoint
{
    public static void Map(RouteGroupBuilder interpreter) =>
        interpreter.MapPost("/offers/{offerId:guid}/decline", async (Guid offerId, DeclineBody body, ICommandHandler<DeclineOffer, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new DeclineOffer(offerId, body?.Reason ?? ""), ct)).ToHttpResult(_ => TypedResults.NoContent()));
}
