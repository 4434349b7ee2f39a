using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.IntegrationEventHandlers;

/// <summary>A revoked consent stops further sharing on the open referrals that rely on it; the agency may still answer.</summary>
internal sealed class StopSharingWhenConsentRevoked(ReferralsDbContext db, IActingOffice acting, TimeProvider time) : IIntegrationEventHandler<ConsentRevoked>
{
    public async Task Handle(ConsentRevoked integrationEvent, CancellationToken cancellationToken)
    {
        using (acting.Enter(integrationEvent.OfficeId))
        {
            var referrals = await db.Referrals.Include(r => r.History)
                .Where(r => r.ClientId == integrationEvent.ClientId.Value && r.ConsentId == integrationEvent.ConsentId)
                .ToListAsync(cancellationToken);
            foreach (var referral in referrals)
            {
                referral.StopSharing(integrationEvent.ConsentId, time.GetUtcNow());
            }
        }
    }
}

/// <summary>An anonymised client's referrals lose their free text and links; status, dates and outcome stay for the statistics.</summary>
internal sealed class AnonymiseReferralsOfClient(ReferralsDbContext db, IActingOffice acting) : IIntegrationEventHandler<ClientAnonymised>
{
    public async Task Handle(ClientAnonymised integrationEvent, CancellationToken cancellationToken)
    {
        using (acting.Enter(integrationEvent.OfficeId))
        {
            var referrals = await db.Referrals.Include(r => r.History)
                .Where(r => r.ClientId == integrationEvent.ClientId.Value)
                .ToListAsync(cancellationToken);
            foreach (var referral in referrals)
            {
                referral.Anonymise();
            }
        }
    }
}
