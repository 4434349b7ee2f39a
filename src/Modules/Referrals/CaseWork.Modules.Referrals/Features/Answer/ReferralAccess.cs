using CaseWork.BuildingBlocks.Identity;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Answer;

/// <summary>Who is looking at a referral, which decides what they may see and do.</summary>
internal enum Audience
{
    /// <summary>Staff of the referring office: everything.</summary>
    Office,

    /// <summary>The receiving agency (secret link or Partner account): only what was shared.</summary>
    Agency,
}

/// <summary>A referral found for a caller, with who the caller is.</summary>
internal sealed record ReferralAccessGrant(Referral Referral, Audience Audience, ReferralActor Actor);

/// <summary>
/// Finds a referral the way the caller may reach it: staff by id within their office; a Partner user by id when it was
/// sent to their organisation; anyone holding the agency link by its token until it expires. Anything else reads as not
/// found, so nobody learns that a referral exists.
/// </summary>
internal sealed class ReferralAccess(ReferralsDbContext db, ICurrentUser user, TimeProvider time)
{
    public async Task<ReferralAccessGrant?> FindAsync(Guid? referralId, string? token, bool tracking, CancellationToken cancellationToken)
    {
        var referrals = tracking ? db.Referrals.Include(r => r.Needs).Include(r => r.History).AsSplitQuery()
            : db.Referrals.AsNoTracking().Include(r => r.Needs).Include(r => r.History).AsSplitQuery();
        if (token is not null)
        {
            var hash = AgencyLinkTokens.Hash(token);

            // The link has no user and no office: it is the office filter's key, checked here instead.
            var byLink = await referrals.IgnoreQueryFilters().SingleOrDefaultAsync(r => r.AgencyLinkHash == hash, cancellationToken);
            if (byLink is null || !byLink.AgencyLinkValid(hash, time.GetUtcNow()))
            {
                return null;
            }

            var organisation = await db.Organisations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => o.Id == byLink.OrganisationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            return new ReferralAccessGrant(byLink, Audience.Agency, ReferralActor.AgencyLink(organisation ?? byLink.RecipientName));
        }

        if (referralId is not { } id || user.UserId is not { } userId)
        {
            return null;
        }

        if (user.IsInRole(Roles.Partner))
        {
            var account = await db.PartnerAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId, cancellationToken);
            if (account is null)
            {
                return null;
            }

            var sentToThem = await referrals.SingleOrDefaultAsync(
                r => r.Id == id && r.OrganisationId == account.OrganisationId && r.Status != ReferralStatus.Draft, cancellationToken);
            return sentToThem is null ? null : new ReferralAccessGrant(sentToThem, Audience.Agency, ReferralActor.Partner(userId, user.Name));
        }

        if (!user.IsInRole(Roles.Streetworker) && !user.IsInRole(Roles.Supervisor))
        {
            return null;
        }

        var own = await referrals.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return own is null ? null : new ReferralAccessGrant(own, Audience.Office, ReferralActor.Staff(userId, user.Name));
    }
}
