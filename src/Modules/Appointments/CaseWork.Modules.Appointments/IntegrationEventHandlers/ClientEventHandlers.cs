using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.IntegrationEventHandlers;

/// <summary>A client's record was anonymised: drop who they were from appointments and reminders, keep the rows for the counts.</summary>
internal sealed class ClientAnonymisedHandler(AppointmentsDbContext db, IActingOffice acting) : IIntegrationEventHandler<ClientAnonymised>
{
    public async Task Handle(ClientAnonymised integrationEvent, CancellationToken cancellationToken)
    {
        using var office = acting.Enter(integrationEvent.OfficeId);
        var client = integrationEvent.ClientId.Value;
        var appointments = await db.Appointments.Include(a => a.Clients)
            .Where(a => a.Clients.Any(c => c.ClientId == client)).ToListAsync(cancellationToken);
        foreach (var appointment in appointments)
        {
            appointment.ForgetClient(client);
        }

        foreach (var reminder in await db.Reminders.Where(r => r.ClientId == client).ToListAsync(cancellationToken))
        {
            reminder.ForgetClient();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A client's channel, address or language changed: re-plan their pending reminders from the fresh summary.</summary>
internal sealed class ClientContactDetailsChangedHandler(AppointmentsDbContext db, IActingOffice acting, OfficeRules rules, ReminderPlanner planner, TimeProvider time)
    : IIntegrationEventHandler<ClientContactDetailsChanged>
{
    public async Task Handle(ClientContactDetailsChanged integrationEvent, CancellationToken cancellationToken)
    {
        using var office = acting.Enter(integrationEvent.OfficeId);
        var client = integrationEvent.ClientId.Value;
        var now = time.GetUtcNow();
        var appointments = await db.Appointments.Include(a => a.Clients).Include(a => a.Workers)
            .Where(a => a.Start > now && (a.Status == AppointmentStatus.Planned || a.Status == AppointmentStatus.Confirmed)
                        && a.Clients.Any(c => c.ClientId == client))
            .ToListAsync(cancellationToken);
        if (appointments.Count == 0)
        {
            return;
        }

        var settings = await rules.ForAsync(integrationEvent.OfficeId, cancellationToken);
        foreach (var appointment in appointments)
        {
            await planner.PlanAsync(appointment, settings, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
