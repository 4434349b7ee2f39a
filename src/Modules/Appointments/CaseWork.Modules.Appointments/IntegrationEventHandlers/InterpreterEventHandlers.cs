using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.IntegrationEventHandlers;

/// <summary>Shows on the appointment how far its interpreter is arranged; a booked interpreter cancels the "still missing" notice.</summary>
internal sealed class InterpreterEventHandlers(AppointmentsDbContext db, IActingOffice acting, OfficeRules rules, ReminderPlanner planner)
    : IIntegrationEventHandler<InterpreterBooked>, IIntegrationEventHandler<InterpreterUnavailable>, IIntegrationEventHandler<InterpreterBookingCancelled>
{
    public Task Handle(InterpreterBooked integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.OfficeId, integrationEvent.AppointmentId, a => a.InterpreterBooked(integrationEvent.InterpreterDisplayName), cancellationToken);

    public Task Handle(InterpreterUnavailable integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.OfficeId, integrationEvent.AppointmentId, a => a.InterpreterNotAvailable(), cancellationToken);

    public Task Handle(InterpreterBookingCancelled integrationEvent, CancellationToken cancellationToken) =>
        ApplyAsync(integrationEvent.OfficeId, integrationEvent.AppointmentId, a => a.InterpreterBookingCancelled(), cancellationToken);

    private async Task ApplyAsync(OfficeId officeId, Guid? appointmentId, Action<Appointment> apply, CancellationToken cancellationToken)
    {
        if (appointmentId is null)
        {
            return;
        }

        using var office = acting.Enter(officeId);
        var id = new AppointmentId(appointmentId.Value);
        var appointment = await db.Appointments.Include(a => a.Workers).Include(a => a.Clients).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
        {
            return;
        }

        apply(appointment);
        if (appointment.IsOpen)
        {
            await planner.PlanAsync(appointment, await rules.ForAsync(officeId, cancellationToken), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
