using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.ClientReferrals;

/// <summary>A client's referrals in the office, newest first (the case file links here).</summary>
internal sealed record ListClientReferrals(Guid ClientId) : IQuery<IReadOnlyList<ClientReferralItem>>;

internal sealed record ClientReferralItem(
    Guid Id, string RecipientName, string ServiceType, string Status, string Urgency, IReadOnlyList<string> NeedAreas,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? ClosedAt, string? Outcome, string? DeclineReason, int? WaitlistPosition, int Version);

internal sealed class ListClientReferralsHandler(ReferralsDbContext db, IAuditTrail audit) : IQueryHandler<ListClientReferrals, IReadOnlyList<ClientReferralItem>>
{
    public async Task<Result<IReadOnlyList<ClientReferralItem>>> Handle(ListClientReferrals query, CancellationToken cancellationToken)
    {
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Needs)
            .Where(r => r.ClientId == query.ClientId)
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Read, "ClientReferrals", query.ClientId.ToString(),
            Details: $"{referrals.Count} referrals listed"), cancellationToken);
        return referrals.Select(r => new ClientReferralItem(
            r.Id, r.RecipientName, r.ServiceType, ReferralCodes.Code(r.Status), ReferralCodes.Code(r.Urgency), r.Needs.Select(n => n.Area).ToList(),
            r.CreatedAt, r.SentAt, r.ClosedAt, r.Outcome is { } o ? ReferralCodes.Code(o) : null,
            r.DeclineReason is { } d ? ReferralCodes.Code(d) : null, r.WaitlistPosition, r.Version)).ToList();
    }
}
