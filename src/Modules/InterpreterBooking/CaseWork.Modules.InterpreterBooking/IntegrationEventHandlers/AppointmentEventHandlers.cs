using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;

/// <summary>
/// Keeps interpreter requests in step with appointments: scheduled with a need → request and first offers; rescheduled →
/// the booked interpreter reconfirms (an unfilled request is offered again); cancelled → request and booking cancelled,
/// late ones billable; the need changed → removed: cancelled as with the appointment, added: a request as when scheduled,
/// another language, dialect or modality: the old request cancelled and a new one made (ADR 0035); clients changed → the
/// request checks exclusions and conflicts of interest against the new ones, and an interpreter a new client excludes loses
/// the offer or the booking (<see cref="ExclusionGuard"/>). Events come without a user, so each handler enters the
/// appointment's office.
/// </summary>
internal sealed class AppointmentEventHandlers(
    InterpreterBookingDbContext db,
    IActingOffice acting,
    OfferRound round,
    InterpreterNotifier notifier,
    RequestCancellation cancellation,
    ExclusionGuard exclusions,
    AppointmentDistrict districts,
    TimeProvider clock)
    : IIntegrationEventHandler<AppointmentScheduled>, IIntegrationEventHandler<AppointmentRescheduled>, IIntegrationEventHandler<AppointmentCancelled>,
      IIntegrationEventHandler<AppointmentInterpreterNeedChanged>, IIntegrationEventHandler<AppointmentClientsChanged>
{
    public async Task Handle(AppointmentScheduled integrationEvent, CancellationToken cancellationToken)
    {
        var appointment = integrationEvent.Appointment;
        using (acting.Enter(appointment.OfficeId))
        {
            if (appointment.InterpreterNeed is null || await CurrentRequestAsync(appointment.AppointmentId, cancellationToken) is not null)
            {
                return;
            }

            await CreateAsync(appointment, cancellationToken);
        }
    }

    public async Task Handle(AppointmentRescheduled integrationEvent, CancellationToken cancellationToken)
    {
        var appointment = integrationEvent.Appointment;
        using (acting.Enter(appointment.OfficeId))
        {
            var now = clock.GetUtcNow();
            var request = await CurrentRequestAsync(appointment.AppointmentId, cancellationToken);
            if (request is null)
            {
                if (appointment.InterpreterNeed is not null)
                {
                    await CreateAsync(appointment, cancellationToken);
                }

                return;
            }

            var policy = await db.PolicyForAsync(appointment.OfficeId, cancellationToken);
            if (appointment.InterpreterNeed is null)
            {
                await CancelAsync(request, policy, "interpreter no longer needed", now, cancellationToken);
                return;
            }

            var modality = (Modality)(int)appointment.InterpreterNeed.Modality;
            request.Reschedule(appointment.Start, appointment.End, appointment.Place.Description, modality, policy, now,
                await districts.ForAsync(appointment, modality, policy, cancellationToken));
            if (request.State == RequestState.Filled)
            {
                var booking = await db.Bookings.FirstOrDefaultAsync(b => b.ActiveRequestId == request.Id, cancellationToken);
                if (booking is not null)
                {
                    booking.AskReconfirmation(request.Start, request.End, request.Modality);
                    var profile = await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(p => p.Id == booking.InterpreterId, cancellationToken);
                    await notifier.ChangedAsync(booking.InterpreterId, profile?.Email, request, policy.Zone, cancellationToken);
                }

                return;
            }

            var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
            await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
        }
    }

    public async Task Handle(AppointmentCancelled integrationEvent, CancellationToken cancellationToken)
    {
        var appointment = integrationEvent.Appointment;
        using (acting.Enter(appointment.OfficeId))
        {
            var request = await CurrentRequestAsync(appointment.AppointmentId, cancellationToken);
            if (request is null)
            {
                return;
            }

            var policy = await db.PolicyForAsync(appointment.OfficeId, cancellationToken);
            await CancelAsync(request, policy, integrationEvent.Reason ?? "appointment cancelled", clock.GetUtcNow(), cancellationToken);
        }
    }

    public async Task Handle(AppointmentInterpreterNeedChanged integrationEvent, CancellationToken cancellationToken)
    {
        var appointment = integrationEvent.Appointment;
        using (acting.Enter(appointment.OfficeId))
        {
            // Compared with the request as it stands rather than with the event's previous need: a repeated or late event
            // then changes nothing twice.
            var request = await CurrentRequestAsync(appointment.AppointmentId, cancellationToken);
            var need = appointment.InterpreterNeed;
            if (request is not null && (need is null || AsksForAnother(request, need)))
            {
                var reason = need is null ? "interpreter no longer needed" : "interpreter need changed";
                await CancelAsync(request, await db.PolicyForAsync(appointment.OfficeId, cancellationToken), reason, clock.GetUtcNow(), cancellationToken);
                request = null;
            }

            if (request is null && need is not null && appointment.End > clock.GetUtcNow())
            {
                await CreateAsync(appointment, cancellationToken);
            }
        }
    }

    public async Task Handle(AppointmentClientsChanged integrationEvent, CancellationToken cancellationToken)
    {
        var appointment = integrationEvent.Appointment;
        using (acting.Enter(appointment.OfficeId))
        {
            var request = await CurrentRequestAsync(appointment.AppointmentId, cancellationToken);
            if (request is null)
            {
                return;
            }

            request.ReplaceClients(appointment.ClientIds);
            await exclusions.ApplyAsync(request, await db.PolicyForAsync(appointment.OfficeId, cancellationToken), clock.GetUtcNow(), cancellationToken);
        }
    }

    private static bool AsksForAnother(InterpreterRequest request, InterpreterNeed need) =>
        !string.Equals(request.Language, need.Language, StringComparison.OrdinalIgnoreCase)
        || !string.Equals(request.Dialect ?? "", need.Dialect ?? "", StringComparison.OrdinalIgnoreCase)
        || request.Modality != (Modality)(int)need.Modality;

    private Task<InterpreterRequest?> CurrentRequestAsync(Guid appointmentId, CancellationToken cancellationToken) =>
        db.Requests
            .Where(r => r.AppointmentId == appointmentId && r.State != RequestState.Cancelled)
            .OrderByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task CreateAsync(AppointmentSnapshot appointment, CancellationToken cancellationToken)
    {
        var need = appointment.InterpreterNeed!;
        var now = clock.GetUtcNow();
        var policy = await db.PolicyForAsync(appointment.OfficeId, cancellationToken);
        var modality = (Modality)(int)need.Modality;
        var request = InterpreterRequest.Create(
            appointment.OfficeId, appointment.AppointmentId, appointment.ClientIds, need.Language.ToLowerInvariant(), need.Dialect, modality,
            appointment.Start, appointment.End, appointment.Place.Description, await districts.ForAsync(appointment, modality, policy, cancellationToken), SubjectArea.Other, need.PreferredGender, need.Notes,
            null, appointment.WorkerIds.Count > 0 ? appointment.WorkerIds[0] : null, policy, now);
        db.Requests.Add(request);
        var offers = await round.OfferNextTierAsync(request, policy, now, cancellationToken);
        await notifier.OffersMadeAsync(request, offers, await round.ProfilesAsync(offers.Select(o => o.InterpreterId), cancellationToken), policy.Zone, cancellationToken);
    }

    private Task<CancelledBooking?> CancelAsync(InterpreterRequest request, BookingPolicy policy, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        cancellation.CancelAsync(request, policy, reason, now, cancellationToken);
}
