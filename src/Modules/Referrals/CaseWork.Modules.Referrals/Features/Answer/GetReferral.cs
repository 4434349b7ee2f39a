using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;

namespace CaseWork.Modules.Referrals.Features.Answer;

/// <summary>One referral as the caller may see it: the office sees all of it, the agency only what was shared.</summary>
internal sealed record GetReferral(Guid? ReferralId, string? Token) : IQuery<ReferralView>;

internal sealed record ReferralView(
    Guid Id,
    string Audience,
    string Status,
    string RecipientName,
    string ServiceType,
    bool ToPublicBody,
    string Urgency,
    string? Message,
    IReadOnlyList<string> SharedCategories,
    bool SharingStopped,
    SharedClientData? Client,
    DateTimeOffset? SentAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? Outcome,
    string? DeclinedBy,
    string? DeclineReason,
    int? WaitlistPosition,
    DateOnly? WaitlistExpectedOn,
    bool ConsentOverridden,
    IReadOnlyList<string> AllowedActions,
    IReadOnlyList<StatusChangeView> History,
    int Version);

/// <summary>The client's data in the categories that were shared; a category not shared stays null.</summary>
internal sealed record SharedClientData(
    Guid? ClientId,
    string? PseudonymCode,
    string? Name,
    string? PreferredLanguage,
    string? Contact,
    IReadOnlyList<SharedNeed>? Needs);

internal sealed record SharedNeed(string Area, string? Description);

/// <summary>
/// One history entry. <see cref="ByKind"/>: staff, partner, agency_link or system (the module itself, e.g. on expiry);
/// <see cref="Note"/>: what a person wrote, or one of the module's own <see cref="HistoryNotes"/> codes.
/// </summary>
internal sealed record StatusChangeView(string? From, string To, DateTimeOffset At, string By, string ByKind, string? Note);

internal sealed class GetReferralHandler(ReferralAccess access, ClientDirectoryAccess clients, IAuditTrail audit, IActingOffice acting)
    : IQueryHandler<GetReferral, ReferralView>
{
    public async Task<Result<ReferralView>> Handle(GetReferral query, CancellationToken cancellationToken)
    {
        var grant = await access.FindAsync(query.ReferralId, query.Token, tracking: false, cancellationToken);
        if (grant is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es nicht (mehr), oder der Link ist abgelaufen.");
        }

        var (referral, audience, _) = grant;
        var client = await ClientDataAsync(referral, audience, cancellationToken);
        using (acting.Enter(referral.OfficeId))
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Read, "Referral", referral.Id.ToString(),
                Details: audience == Audience.Agency ? $"agency view; shared: {referral.SharedCategories}" : "office view"), cancellationToken);
        }

        var actions = (audience == Audience.Agency ? AnswerActions.ForAgency : AnswerActions.ForOffice)
            .Where(a => Referral.IsAllowed(referral.Status, Target(a)))
            .ToList();
        return new ReferralView(
            referral.Id,
            audience == Audience.Agency ? "agency" : "office",
            ReferralCodes.Code(referral.Status),
            referral.RecipientName,
            referral.ServiceType,
            referral.ToPublicBody,
            ReferralCodes.Code(referral.Urgency),
            referral.SharesPersonalData || audience == Audience.Office ? referral.Message : null,
            referral.SharedCategoryList,
            referral.SharingStoppedAt is not null,
            client,
            referral.SentAt,
            referral.AcceptedAt,
            referral.ClosedAt,
            referral.Outcome is { } o ? ReferralCodes.Code(o) : null,
            referral.DeclinedBy is { } d ? ReferralCodes.Code(d) : null,
            referral.DeclineReason is { } r ? ReferralCodes.Code(r) : null,
            referral.WaitlistPosition,
            referral.WaitlistExpectedOn,
            audience == Audience.Office && referral.ConsentOverriddenBy is not null,
            actions,
            referral.History.OrderBy(h => h.At).ThenBy(h => h.From is null ? 0 : 1).ThenBy(h => h.Id)
                .Select(h => new StatusChangeView(h.From is { } f ? ReferralCodes.Code(f) : null, ReferralCodes.Code(h.To), h.At, h.ActorName, ReferralCodes.Code(h.ActorKind),
                    audience == Audience.Office ? h.Note : null))
                .ToList(),
            referral.Version);
    }

    public static ReferralStatus Target(string action) => action switch
    {
        AnswerActions.Accept => ReferralStatus.Accepted,
        AnswerActions.Decline => ReferralStatus.Declined,
        AnswerActions.Waitlist => ReferralStatus.Waitlisted,
        AnswerActions.Start => ReferralStatus.InProgress,
        AnswerActions.Complete => ReferralStatus.Completed,
        _ => ReferralStatus.Withdrawn,
    };

    private async Task<SharedClientData?> ClientDataAsync(Referral referral, Audience audience, CancellationToken cancellationToken)
    {
        if (clients.Directory is not { } directory || referral.IsAnonymised)
        {
            return null;
        }

        var summary = await directory.GetDisplaySummaryAsync(referral.OfficeId, ClientId.From(referral.ClientId), cancellationToken);
        if (audience == Audience.Office)
        {
            return new SharedClientData(referral.ClientId, summary?.PseudonymCode, summary?.DisplayName, summary?.PreferredLanguage, null,
                referral.Needs.Select(n => new SharedNeed(n.Area, null)).ToList());
        }

        if (!referral.SharesPersonalData)
        {
            return null;
        }

        var shared = referral.SharedCategoryList;
        IReadOnlyList<SharedNeed>? needs = null;
        if (shared.Contains(ConsentDataCategories.Needs))
        {
            var all = await directory.GetNeedsAsync(referral.OfficeId, ClientId.From(referral.ClientId), cancellationToken);
            var ids = referral.Needs.Select(n => n.NeedId).ToHashSet();
            needs = all.Where(n => ids.Contains(n.NeedId)).Select(n => new SharedNeed(n.Area, n.Description)).ToList();
        }

        return new SharedClientData(
            null,
            null,
            shared.Contains(ConsentDataCategories.Identity) ? summary?.DisplayName : null,
            shared.Contains(ConsentDataCategories.Identity) ? summary?.PreferredLanguage : null,
            shared.Contains(ConsentDataCategories.ContactDetails) ? summary?.ReminderAddress : null,
            needs);
    }
}
