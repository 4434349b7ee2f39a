using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

namespace CaseWork.Modules.InterpreterBooking.IntegrationEventHandlers;

/// <summary>
/// A client's details changed, their "not this interpreter" wishes among them: upcoming jobs with the client apply them at
/// once, so an interpreter the client no longer wants loses the offer or the booking (<see cref="ExclusionGuard"/>). A change
/// that excludes nobody new changes nothing.
/// </summary>
internal sealed class ClientPreferencesHandler(InterpreterBookingDbContext db, IActingOffice acting, ExclusionGuard exclusions, TimeProvider clock)
    : IIntegrationEventHandler<ClientContactDetailsChanged>
{
    public async Task Handle(ClientContactDetailsChanged integrationEvent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        using (acting.Enter(integrationEvent.OfficeId))
        {
            var upcoming = (await db.RequestsWithClientAsync(integrationEvent.ClientId.Value, cancellationToken))
                .Where(r => r.End > now && r.State is RequestState.Open or RequestState.Offered or RequestState.Filled)
                .ToList();
            if (upcoming.Count == 0)
            {
                return;
            }

            var policy = await db.PolicyForAsync(integrationEvent.OfficeId, cancellationToken);
            foreach (var request in upcoming)
            {
                await exclusions.ApplyAsync(request, policy, now, cancellationToken);
            }
        }
    }
}
