using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Escalation;

/// <summary>
/// The sweep behind the offer tiers: requests past their deadline are given up (<see cref="InterpreterUnavailable"/>, with
/// the suggestion to interpret by phone or video); requests whose tier window ran out are offered to the next tier.
/// </summary>
internal sealed record EscalateOffers : ICommand<EscalationOutcome>;

internal sealed record EscalationOutcome(int GivenUp, int NextTiers);

internal sealed class EscalateOffersHandler(
    InterpreterBookingDbContext db,
    OfferRound round,
    InterpreterNotifier notifier,
    TimeProvider clock) : ICommandHandler<EscalateOffers, EscalationOutcome>
{
    public const string Suggestion = "Interpreting by phone or video (Telefon- oder Videodolmetschen)";

    public async Task<Result<EscalationOutcome>> Handle(EscalateOffers command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = await db.Requests.IgnoreQueryFilters()
            .Where(r => r.State == RequestState.Open || r.State == RequestState.Offered)
            .OrderBy(r => r.Deadline)
            .Take(200)
            .ToListAsync(cancellationToken);
        int givenUp = 0, nextTiers = 0;
        var notifications = new List<(InterpreterRequest Request, IReadOnlyList<Offer> Offers, TimeZoneInfo Zone)>();
        foreach (var request in open)
        {
            var policy = await db.PolicyForAsync(request.OfficeId, cancellationToken);
            if (request.GiveUpIfDue(now))
            {
                givenUp++;
                db.Enqueue(new InterpreterUnavailable(Guid.NewGuid(), now, request.OfficeId, request.Id, request.AppointmentId,
                    request.Modality == Modality.InPerson ? Suggestion : "Interpreting by video (Videodolmetschen)"));
                continue;
            }

            if (request.TierIsOver(now, policy))
            {
                var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
                if (offers.Count > 0)
                {
                    nextTiers++;
                    notifications.Add((request, offers, policy.Zone));
                }
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sweep (another host) or an accept changed a request meanwhile; the next run looks again.
            db.ChangeTracker.Clear();
            return Error.ConcurrentEdit("interpreter request");
        }

        foreach (var (request, offers, zone) in notifications)
        {
            var profiles = await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken);
            await notifier.OffersMadeAsync(request, offers, profiles, zone, cancellationToken);
        }

        return new EscalationOutcome(givenUp, nextTiers);
    }
}
