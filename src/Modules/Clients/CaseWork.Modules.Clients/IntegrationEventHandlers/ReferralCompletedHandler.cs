using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Referrals.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.IntegrationEventHandlers;

/// <summary>
/// A referral ended: the needs it was for are closed (resolved, linked to the referral). Safe to run twice: the inbox
/// skips redeliveries, and a need already resolved stays as it is. The dispatcher saves in its transaction with the inbox row.
/// </summary>
internal sealed class ReferralCompletedHandler(ClientsDbContext db, IActingOffice acting) : IIntegrationEventHandler<ReferralCompleted>
{
    public async Task Handle(ReferralCompleted integrationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        using var office = acting.Enter(integrationEvent.OfficeId);
        var client = ClientId.From(integrationEvent.ClientId);
        var ids = integrationEvent.NeedIds.ToList();
        var needs = await db.Needs.Where(n => n.ClientId == client && ids.Contains(n.Id)).ToListAsync(cancellationToken);
        var on = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(integrationEvent.OccurredAt, OfficeCalendar.TimeZone).DateTime);
        foreach (var need in needs.Where(n => n.Status != NeedStatus.Resolved))
        {
            var changed = need.ChangeStatus(NeedStatus.Resolved, on < need.IdentifiedOn ? need.IdentifiedOn : on, integrationEvent.ReferralId);
            if (!changed.IsSuccess)
                throw new InvalidOperationException(changed.Error.Message);
        }
    }
}
