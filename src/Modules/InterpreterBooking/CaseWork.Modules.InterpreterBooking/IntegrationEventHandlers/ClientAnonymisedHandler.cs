using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;

/// <summary>A client's identity is gone: requests and declared conflicts forget the client id; the jobs and hours still count.</summary>
internal sealed class ClientAnonymisedHandler(InterpreterBookingDbContext db, IActingOffice acting) : IIntegrationEventHandler<ClientAnonymised>
{
    public async Task Handle(ClientAnonymised integrationEvent, CancellationToken cancellationToken)
    {
        var client = integrationEvent.ClientId.Value;
        using (acting.Enter(integrationEvent.OfficeId))
        {
            foreach (var request in await db.RequestsWithClientAsync(client, cancellationToken))
            {
                request.ForgetClient(client);
            }

            var conflicts = await db.ConflictsOfInterest.Where(c => c.ClientId == client).ToListAsync(cancellationToken);
            foreach (var conflict in conflicts)
            {
                conflict.ForgetClient();
            }
        }
    }
}
