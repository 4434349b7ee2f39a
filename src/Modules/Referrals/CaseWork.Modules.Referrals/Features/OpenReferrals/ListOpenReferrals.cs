using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.OpenReferrals;

/// <summary>
/// The office's open referrals (sent, accepted, waitlisted, in progress), longest waiting first, 50 a page, by pseudonym
/// only; <see cref="Mine"/> narrows to the current worker's. Overdue = unanswered past the reminder.
/// </summary>
internal sealed record ListOpenReferrals(bool Mine, int Page) : IQuery<IReadOnlyList<OpenReferralItem>>
{
    public const int PageSize = 50;
}

internal sealed record OpenReferralItem(
    Guid Id, string ClientCode, string RecipientName, string ServiceType, string Status, string Urgency, DateTimeOffset SentAt, bool Overdue, Guid WorkerId, Guid ClientId);

internal sealed class ListOpenReferralsValidator : AbstractValidator<ListOpenReferrals>
{
    public ListOpenReferralsValidator() =>
        RuleFor(q => q.Page).InclusiveBetween(0, 10_000).WithMessage("Die Seite muss zwischen 0 und 10000 liegen.");
}

internal sealed class ListOpenReferralsHandler(
    ReferralsDbContext db, ICurrentUser user, TimeProvider time, ClientDirectoryAccess clients, IOfficeDirectory offices)
    : IQueryHandler<ListOpenReferrals, IReadOnlyList<OpenReferralItem>>
{
    public async Task<Result<IReadOnlyList<OpenReferralItem>>> Handle(ListOpenReferrals query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } me)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        // Spelled out rather than a Contains over an array: providers then compare with constants and use the status index.
        var referrals = db.Referrals.AsNoTracking().Where(r =>
            (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.Waitlisted || r.Status == ReferralStatus.InProgress)
            && r.SentAt != null);
        if (query.Mine)
        {
            referrals = referrals.Where(r => r.WorkerId == me);
        }

        var rows = await referrals
            .OrderBy(r => r.SentAt).ThenBy(r => r.Id)
            .Skip(query.Page * ListOpenReferrals.PageSize).Take(ListOpenReferrals.PageSize)
            .Select(r => new { r.Id, r.ClientId, r.RecipientName, r.ServiceType, r.Status, r.Urgency, r.SentAt, r.WorkerId })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return Result<IReadOnlyList<OpenReferralItem>>.Success([]);
        }

        // Only unanswered referrals can be overdue; the settings and the office's zone are read only when the page has some.
        var policy = FollowUpPolicy.Default;
        var zone = TimeZoneInfo.Utc;
        if (rows.Any(r => r.Status == ReferralStatus.Sent))
        {
            (policy, _) = await OfficeSettingsReader.ReadAsync(db, office, cancellationToken);
            zone = OfficeSettingsReader.Zone((await offices.GetOfficeAsync(office, cancellationToken))?.TimeZone);
        }

        var codes = await clients.PseudonymsAsync(office, rows.Select(r => r.ClientId), cancellationToken);
        var now = time.GetUtcNow();
        return rows.Select(r => new OpenReferralItem(
            r.Id, codes.GetValueOrDefault(r.ClientId, "—"), r.RecipientName, r.ServiceType, ReferralCodes.Code(r.Status), ReferralCodes.Code(r.Urgency),
            r.SentAt!.Value, r.Status == ReferralStatus.Sent && now >= policy.ReminderDue(r.SentAt.Value, zone), r.WorkerId.Value, r.ClientId)).ToList();
    }
}
