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
    ClientDirectoryAccess clients) : ICommandHandler<ReferClient, ReferralSentReceipt>
{
    public async Task<Result<ReferralSentReceipt>> Handle(ReferClient command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.ServiceId, cancellationToken);
        if (service is null)
        {
            return Error.Validation("serviceId", "Dieses Angebot gibt es im Verzeichnis Ihrer Beratungsstelle nicht.");
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == service.OrganisationId, cancellationToken);
        if (clients.Directory is not { } directory)
        {
            return Error.Conflict("clients-module-unavailable", "Ohne das Modul Klient*innen kann weder die Einwilligung noch das Anliegen geprüft werden.");
        }

        var client = ClientId.From(command.ClientId);
        var needs = await directory.GetNeedsAsync(office, client, cancellationToken);
        if (needs.Count == 0 && await directory.GetDisplaySummaryAsync(office, client, cancellationToken) is null)
        {
            return Error.NotFound("client-not-found", "Diese Klientin oder diesen Klienten gibt es in Ihrer Beratungsstelle nicht.");
        }

        var chosen = needs.Where(n => command.NeedIds.Contains(n.NeedId)).ToList();
        if (chosen.Count != command.NeedIds.Distinct().Count())
        {
            return Error.Validation("needIds", "Mindestens ein gewähltes Anliegen gehört nicht zu dieser Fallakte.");
        }

        var now = time.GetUtcNow();
        var answer = await directory.CheckConsentAsync(
            new ConsentCheck(office, client, organisation.Name, organisation.Id, command.Categories, DateOnly.FromDateTime(now.UtcDateTime)), cancellationToken);
        ConsentOverride? supervisorOverride = null;
        if (!string.IsNullOrWhiteSpace(command.ConsentOverrideReason))
        {
            if (!user.IsInRole(Roles.Supervisor))
            {
                return Error.Validation("consentOverrideReason", "Nur die Teamleitung kann ohne Einwilligung weitervermitteln.");
            }

            supervisorOverride = new ConsentOverride(userId, user.Name, command.ConsentOverrideReason);
        }

        var (basis, refusal) = SharingBasis.Decide(new ConsentAnswer(answer.Covered, answer.ConsentId, answer.MissingCategories), supervisorOverride);
        if (basis is null)
        {
            return refusal == "override-reason-required"
                ? Error.Validation("consentOverrideReason", "Bitte begründen Sie die Weitervermittlung ohne Einwilligung (mindestens 10 Zeichen).")
                : Error.Validation("categories",
                    $"Keine gültige Einwilligung deckt die Weitergabe an „{organisation.Name}“ heute ab. Fehlend: {string.Join(", ", answer.MissingCategories.Select(Labels.Category))}.");
        }

        var urgency = ReferralCodes.TryParse<ReferralUrgency>(command.Urgency, out var parsed) ? parsed : ReferralUrgency.Normal;
        var referral = Referral.Draft(
            Guid.CreateVersion7(), office, command.ClientId,
            new ReferralRecipient(service.Id, organisation.Id, $"{service.Name} ({organisation.Name})", service.Type, service.IsPublicBody),
            chosen.Select(n => new ReferralNeed(Guid.Empty, n.NeedId, n.Area)).ToList(),
            command.Categories, urgency, string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim(),
            ReferralActor.Staff(userId, user.Name), now);
        var sent = referral.Send(basis, command.PublicBodyWarningAcknowledged, ReferralActor.Staff(userId, user.Name), now);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        var (_, linkDays) = await OfficeSettingsReader.ReadAsync(db, office, cancellationToken);
        var token = AgencyLinkTokens.NewToken();
        var expires = now.AddDays(linkDays);
        referral.IssueAgencyLink(AgencyLinkTokens.Hash(token), expires);
        db.Referrals.Add(referral);
        db.Enqueue(new ReferralSent(Guid.CreateVersion7(), now, office, referral.Id, referral.ClientId, referral.Needs.Select(n => n.NeedId).ToList(),
            service.Id, service.Type, referral.SharedCategoryList, ReferralCodes.Code(urgency)));
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Create, "Referral", referral.Id.ToString(),
            Details: $"client {referral.ClientId}; to service {service.Id}; shared: {referral.SharedCategories}"), cancellationToken);
        if (supervisorOverride is not null)
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.ReasonedAccess, "Referral", referral.Id.ToString(),
                Reason: supervisorOverride.Reason, Details: "sent without a covering consent (supervisor override)"), cancellationToken);
        }

        return new ReferralSentReceipt(referral.Id, referral.Version, AgencyLinkTokens.Path(token), expires, service.Email ?? organisation.Email, referral.RecipientName);
    }
}
