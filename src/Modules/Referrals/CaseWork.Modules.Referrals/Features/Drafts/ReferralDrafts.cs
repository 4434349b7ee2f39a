using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Features.Refer;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Drafts;

/// <summary>
/// Saves a referral as a draft instead of sending it (streetworkers). A draft keeps the service, needs, categories,
/// urgency, message and the public-body acknowledgement, but needs no consent: the consent gate decides when it is sent
/// (ADR 0033). A draft publishes nothing, has no agency link and is not followed up.
/// </summary>
internal sealed record DraftReferral(
    Guid ClientId,
    Guid ServiceId,
    IReadOnlyList<Guid>? NeedIds,
    IReadOnlyList<string>? Categories,
    string? Urgency,
    string? Message,
    bool PublicBodyWarningAcknowledged) : ICommand<ReferralDraftSaved>;

/// <summary>Changes a saved draft; <see cref="Version"/> is the version the worker saw (a stale edit is a conflict, never lost).</summary>
internal sealed record EditReferralDraft(
    Guid ReferralId,
    int Version,
    Guid ServiceId,
    IReadOnlyList<Guid>? NeedIds,
    IReadOnlyList<string>? Categories,
    string? Urgency,
    string? Message,
    bool PublicBodyWarningAcknowledged) : ICommand<ReferralDraftSaved>;

/// <summary>Sends a saved draft: the consent gate and the public-body warning are checked now, as for a new referral.</summary>
internal sealed record SendReferralDraft(Guid ReferralId, int Version, bool PublicBodyWarningAcknowledged, string? ConsentOverrideReason) : ICommand<ReferralSentReceipt>;

/// <summary>Discards a draft: it becomes withdrawn and stays in the history; nothing is deleted.</summary>
internal sealed record DiscardReferralDraft(Guid ReferralId, int Version) : ICommand<ReferralDraftSaved>;

internal sealed record ReferralDraftSaved(Guid ReferralId, string Status, int Version);

/// <summary>A draft as the refer page fills its form from it.</summary>
internal sealed record GetReferralDraft(Guid ReferralId) : IQuery<ReferralDraftDetails>;

internal sealed record ReferralDraftDetails(
    Guid ReferralId, Guid ClientId, Guid ServiceId, IReadOnlyList<Guid> NeedIds, IReadOnlyList<string> Categories, string Urgency, string? Message,
    bool PublicBodyWarningAcknowledged, int Version);

/// <summary>The signed-in worker's drafts, newest first, by pseudonym.</summary>
internal sealed record ListMyDrafts : IQuery<IReadOnlyList<DraftListItem>>;

internal sealed record DraftListItem(Guid Id, Guid ClientId, string ClientCode, Guid ServiceId, string RecipientName, string ServiceType, DateTimeOffset CreatedAt, int Version);

internal static class DraftRules
{
    public const int MaxNeeds = 50;

    public static void Apply<T>(AbstractValidator<T> validator, Func<T, Guid> service, Func<T, IReadOnlyList<Guid>?> needs, Func<T, IReadOnlyList<string>?> categories,
        Func<T, string?> urgency, Func<T, string?> message)
    {
        validator.RuleFor(c => service(c)).NotEmpty().OverridePropertyName("ServiceId").WithMessage("Bitte ein Angebot wählen.");
        validator.RuleFor(c => needs(c)).Must(n => n is null || n.Count <= MaxNeeds).OverridePropertyName("NeedIds").WithMessage("Zu viele Anliegen.");
        validator.RuleFor(c => categories(c)).Must(c => c is null || c.All(ConsentDataCategories.All.Contains)).OverridePropertyName("Categories")
            .WithMessage("Unbekannte Datenkategorie.");
        validator.RuleFor(c => urgency(c)).Must(u => u is null || ReferralCodes.TryParse<ReferralUrgency>(u, out _)).OverridePropertyName("Urgency")
            .WithMessage("Dringlichkeit: normal, urgent oder emergency.");
        validator.RuleFor(c => message(c)).MaximumLength(2000).OverridePropertyName("Message").WithMessage("Die Nachricht darf höchstens 2000 Zeichen lang sein.");
    }

    public static ReferralUrgency Urgency(string? code) => ReferralCodes.TryParse<ReferralUrgency>(code, out var parsed) ? parsed : ReferralUrgency.Normal;

    public static string? Message(string? message) => string.IsNullOrWhiteSpace(message) ? null : message.Trim();

    public static Error? OnlyStreetworkers(ICurrentUser user) =>
        user.IsInRole(Roles.Streetworker) ? null : Error.Forbidden("drafts-streetworkers-only", "Entwürfe legen Streetworker*innen an.");
}

internal sealed class DraftReferralValidator : AbstractValidator<DraftReferral>
{
    public DraftReferralValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty().WithMessage("Bitte eine Klientin oder einen Klienten wählen.");
        DraftRules.Apply(this, c => c.ServiceId, c => c.NeedIds, c => c.Categories, c => c.Urgency, c => c.Message);
    }
}

internal sealed class EditReferralDraftValidator : AbstractValidator<EditReferralDraft>
{
    public EditReferralDraftValidator()
    {
        RuleFor(c => c.Version).GreaterThan(0).WithMessage("Die Version fehlt.");
        DraftRules.Apply(this, c => c.ServiceId, c => c.NeedIds, c => c.Categories, c => c.Urgency, c => c.Message);
    }
}

internal sealed class SendReferralDraftValidator : AbstractValidator<SendReferralDraft>
{
    public SendReferralDraftValidator()
    {
        RuleFor(c => c.Version).GreaterThan(0).WithMessage("Die Version fehlt.");
        RuleFor(c => c.ConsentOverrideReason).MaximumLength(1000);
    }
}

internal sealed class DiscardReferralDraftValidator : AbstractValidator<DiscardReferralDraft>
{
    public DiscardReferralDraftValidator() => RuleFor(c => c.Version).GreaterThan(0).WithMessage("Die Version fehlt.");
}

internal sealed class DraftReferralHandler(ReferralsDbContext db, ICurrentUser user, TimeProvider time, IAuditTrail audit, ReferralDispatch dispatch)
    : ICommandHandler<DraftReferral, ReferralDraftSaved>
{
    public async Task<Result<ReferralDraftSaved>> Handle(DraftReferral command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        if (DraftRules.OnlyStreetworkers(user) is { } forbidden)
        {
            return forbidden;
        }

        var target = await dispatch.ResolveAsync(office, command.ClientId, command.ServiceId, command.NeedIds ?? [], cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var referral = Referral.Draft(
            Guid.CreateVersion7(), office, command.ClientId, target.Value.Recipient, target.Value.Needs, command.Categories ?? [],
            DraftRules.Urgency(command.Urgency), DraftRules.Message(command.Message), ReferralActor.Staff(userId, user.Name), time.GetUtcNow(),
            command.PublicBodyWarningAcknowledged);
        db.Referrals.Add(referral);
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Create, "Referral", referral.Id.ToString(),
            Details: $"draft; client {referral.ClientId}; to service {referral.ServiceId}; nothing shared yet"), cancellationToken);
        return new ReferralDraftSaved(referral.Id, ReferralCodes.Code(referral.Status), referral.Version);
    }
}

internal sealed class EditReferralDraftHandler(ReferralsDbContext db, ICurrentUser user, TimeProvider time, IAuditTrail audit, ReferralDispatch dispatch)
    : ICommandHandler<EditReferralDraft, ReferralDraftSaved>
{
    public async Task<Result<ReferralDraftSaved>> Handle(EditReferralDraft command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        if (DraftRules.OnlyStreetworkers(user) is { } forbidden)
        {
            return forbidden;
        }

        var referral = await db.Referrals.Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == command.ReferralId, cancellationToken);
        if (referral is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es in Ihrer Beratungsstelle nicht.");
        }

        // The save is checked against the version the worker saw, not the one just loaded.
        if (referral.Version != command.Version)
        {
            return Error.ConcurrentEdit("referral");
        }

        db.Entry(referral).Property(r => r.Version).OriginalValue = command.Version;
        var target = await dispatch.ResolveAsync(office, referral.ClientId, command.ServiceId, command.NeedIds ?? [], cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        var edited = referral.EditDraft(target.Value.Recipient, target.Value.Needs, command.Categories ?? [], DraftRules.Urgency(command.Urgency),
            DraftRules.Message(command.Message), command.PublicBodyWarningAcknowledged, ReferralActor.Staff(userId, user.Name), time.GetUtcNow());
        if (!edited.IsSuccess)
        {
            return edited.Error;
        }

        // Even an edit that changes nothing is checked against the version (and counts as one).
        db.Entry(referral).Property(r => r.Version).IsModified = true;
        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "Referral", referral.Id.ToString(),
            Details: $"draft edited; to service {referral.ServiceId}"), cancellationToken);
        return new ReferralDraftSaved(referral.Id, ReferralCodes.Code(referral.Status), command.Version + 1);
    }
}

internal sealed class SendReferralDraftHandler(ReferralsDbContext db, ICurrentUser user, IAuditTrail audit, ReferralDispatch dispatch)
    : ICommandHandler<SendReferralDraft, ReferralSentReceipt>
{
    public async Task<Result<ReferralSentReceipt>> Handle(SendReferralDraft command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        var referral = await db.Referrals.Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == command.ReferralId, cancellationToken);
        if (referral is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es in Ihrer Beratungsstelle nicht.");
        }

        if (referral.Status != ReferralStatus.Draft)
        {
            return Error.Conflict("referral-not-draft", "Diese Weitervermittlung ist kein Entwurf mehr (schon gesendet oder verworfen).");
        }

        if (referral.Version != command.Version)
        {
            return Error.ConcurrentEdit("referral");
        }

        db.Entry(referral).Property(r => r.Version).OriginalValue = command.Version;

        // The directory and the case file may have changed since the draft was saved: the send goes by what they say now.
        var target = await dispatch.ResolveAsync(office, referral.ClientId, referral.ServiceId, referral.Needs.Select(n => n.NeedId).ToList(), cancellationToken);
        if (!target.IsSuccess)
        {
            return target.Error;
        }

        referral.Retarget(target.Value.Recipient);
        var sent = await dispatch.SendAsync(referral, target.Value, command.PublicBodyWarningAcknowledged, command.ConsentOverrideReason, cancellationToken);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "Referral", referral.Id.ToString(),
            Details: $"draft sent; client {referral.ClientId}; to service {referral.ServiceId}; shared: {referral.SharedCategories}"), cancellationToken);
        await dispatch.RecordOverrideAsync(referral, sent.Value.Override, cancellationToken);
        return sent.Value.Receipt with { Version = command.Version + 1 };
    }
}

internal sealed class DiscardReferralDraftHandler(ReferralsDbContext db, ICurrentUser user, TimeProvider time, IAuditTrail audit)
    : ICommandHandler<DiscardReferralDraft, ReferralDraftSaved>
{
    public async Task<Result<ReferralDraftSaved>> Handle(DiscardReferralDraft command, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } userId)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können weitervermitteln.");
        }

        var referral = await db.Referrals.SingleOrDefaultAsync(r => r.Id == command.ReferralId, cancellationToken);
        if (referral is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es in Ihrer Beratungsstelle nicht.");
        }

        if (referral.Version != command.Version)
        {
            return Error.ConcurrentEdit("referral");
        }

        db.Entry(referral).Property(r => r.Version).OriginalValue = command.Version;
        var discarded = referral.DiscardDraft(ReferralActor.Staff(userId, user.Name), time.GetUtcNow());
        if (!discarded.IsSuccess)
        {
            return discarded.Error;
        }

        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "Referral", referral.Id.ToString(),
            Details: "draft discarded (withdrawn, kept in the history)"), cancellationToken);
        return new ReferralDraftSaved(referral.Id, ReferralCodes.Code(referral.Status), command.Version + 1);
    }
}

internal sealed class GetReferralDraftHandler(ReferralsDbContext db) : IQueryHandler<GetReferralDraft, ReferralDraftDetails>
{
    public async Task<Result<ReferralDraftDetails>> Handle(GetReferralDraft query, CancellationToken cancellationToken)
    {
        var referral = await db.Referrals.AsNoTracking().Include(r => r.Needs).SingleOrDefaultAsync(r => r.Id == query.ReferralId, cancellationToken);
        if (referral is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es in Ihrer Beratungsstelle nicht.");
        }

        if (referral.Status != ReferralStatus.Draft)
        {
            return Error.Conflict("referral-not-draft", "Diese Weitervermittlung ist kein Entwurf mehr (schon gesendet oder verworfen).");
        }

        return new ReferralDraftDetails(referral.Id, referral.ClientId, referral.ServiceId, referral.Needs.Select(n => n.NeedId).ToList(), referral.SharedCategoryList,
            ReferralCodes.Code(referral.Urgency), referral.Message, referral.PublicBodyWarningAcknowledged, referral.Version);
    }
}

internal sealed class ListMyDraftsHandler(ReferralsDbContext db, ICurrentUser user, ClientDirectoryAccess clients) : IQueryHandler<ListMyDrafts, IReadOnlyList<DraftListItem>>
{
    public async Task<Result<IReadOnlyList<DraftListItem>>> Handle(ListMyDrafts query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } me)
        {
            return Error.Forbidden("no-office", "Nur für Mitarbeitende einer Beratungsstelle.");
        }

        var drafts = await db.Referrals.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Draft && r.WorkerId == me)
            .OrderByDescending(r => r.CreatedAt)
            .Take(200)
            .Select(r => new { r.Id, r.ClientId, r.ServiceId, r.RecipientName, r.ServiceType, r.CreatedAt, r.Version })
            .ToListAsync(cancellationToken);
        var codes = await clients.PseudonymsAsync(office, drafts.Select(d => d.ClientId), cancellationToken);
        return drafts.Select(d => new DraftListItem(d.Id, d.ClientId, codes.GetValueOrDefault(d.ClientId, "—"), d.ServiceId, d.RecipientName, d.ServiceType,
            d.CreatedAt, d.Version)).ToList();
    }
}
