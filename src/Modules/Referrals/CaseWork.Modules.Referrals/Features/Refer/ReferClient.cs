using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Refer;

/// <summary>
/// Refers a client to a service for some of their needs and sends it: the consent gate decides, a public body gets the
/// minimum unless the warning was acknowledged, and the agency gets a secret, expiring answer link.
/// </summary>
internal sealed record ReferClient(
    Guid ClientId,
    Guid ServiceId,
    IReadOnlyList<Guid> NeedIds,
    IReadOnlyList<string> Categories,
    string Urgency,
    string? Message,
    bool PublicBodyWarningAcknowledged,
    string? ConsentOverrideReason) : ICommand<ReferralSentReceipt>;

/// <summary>What the worker gets back: the referral, and the agency's link (shown once; only its hash is stored).</summary>
internal sealed record ReferralSentReceipt(Guid ReferralId, int Version, string AgencyLink, DateTimeOffset AgencyLinkExpiresAt, string? AgencyEmail, string RecipientName);

internal sealed class ReferClientValidator : AbstractValidator<ReferClient>
{
    public ReferClientValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty().WithMessage("Bitte eine Klientin oder einen Klienten wählen.");
        RuleFor(c => c.ServiceId).NotEmpty().WithMessage("Bitte ein Angebot wählen.");
        RuleFor(c => c.NeedIds).NotEmpty().WithMessage("Bitte mindestens ein Anliegen wählen.");
        RuleFor(c => c.Categories).NotEmpty().WithMessage("Bitte wählen Sie, welche Angaben geteilt werden.")
            .Must(c => c.All(ConsentDataCategories.All.Contains)).WithMessage("Unbekannte Datenkategorie.");
        RuleFor(c => c.Urgency).Must(u => ReferralCodes.TryParse<ReferralUrgency>(u, out _)).WithMessage("Dringlichkeit: normal, urgent oder emergency.");
        RuleFor(c => c.Message).MaximumLength(2000);
        RuleFor(c => c.ConsentOverrideReason).MaximumLength(1000);
    }
}

internal sealed class ReferClientHandler(
    ReferralsDbContext db,
    ICurrentUser user,
    TimeProvider time,
    IAuditTrail audit,
    ReferralDispatch dispatch) : ICommandHandler<ReferClient, ReferralSentReceipt>
{
    public async Task<Result<ReferralSentReceipt>> Handle(ReferClient command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        var target = await dispatch.ResolveAsync(office, command.ClientId, command.ServiceId, command.NeedIds, cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var now = time.GetUtcNow();
        var urgency = ReferralCodes.TryParse<ReferralUrgency>(command.Urgency, out var parsed) ? parsed : ReferralUrgency.Normal;
        var referral = Referral.Draft(
            Guid.CreateVersion7(), office, command.ClientId, target.Value.Recipient, target.Value.Needs,
            command.Categories, urgency, string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(),
            ReferralActor.Staff(userId, user.Name), now);
        var sent = await dispatch.SendAsync(referral, target.Value, command.PublicBodyWarningAcknowledged, command.ConsentOverrideReason, cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        db.Referrals.Add(referral);
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Create, "Referral", referral.Id.ToString(),
            Details: $"client {referral.ClientId}; to service {referral.ServiceId}; shared: {referral.SharedCategories}"), cancellationToken);
        await dispatch.RecordOverrideAsync(referral, sent.Value.Override, cancellationToken);
        return sent.Value.Receipt;
    }
}
