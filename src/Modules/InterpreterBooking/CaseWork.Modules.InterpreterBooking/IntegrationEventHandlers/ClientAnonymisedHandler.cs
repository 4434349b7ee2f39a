using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;

/// <summary>A client's identity is gone: requests and declared conflicts forget the client id; the jobs and hours still count.</summary>
internal sealed class ClientAnonymisedHandler(InterpreterBookingDbContext db, IActingOffice acting) : IIntegrationEventHandler<ClientAnonymised>
{
    public async Task Handle(ClientAnonymised integrationEvent, CancellationToken cancellationToken)
    {
        var client = integrationEvent.ClientId.Value;
        using (acting.Enter(integrationEvent.OfficeId))
        {
            // The client list is a JSON column: filter by text, then check exactly in memory.
            var needle = client.ToString();
            var table = db.Model.FindEntityType(typeof(Domain.InterpreterRequest))!.GetSchemaQualifiedTableName();
            var sql = "SELECT * FROM " + table + " WHERE client_ids LIKE {0}";
            var requests = await db.Requests
                .FromSqlRaw(sql, "%" + needle + "%")
                .ToListAsync(cancellationToken);
            foreach (var request in requests.Where(r => r.ClientIds.Contains(client)))
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
