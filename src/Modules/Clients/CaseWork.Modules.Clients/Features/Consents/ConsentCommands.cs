using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Consents;

/// <summary>Records a consent to share (Schweigepflichtentbindung) and publishes <see cref="ConsentGranted"/>; returns its id.</summary>
internal sealed record GrantConsent(
    ClientId ClientId,
    string? RecipientName,
    string? RecipientType,
    Guid? RecipientOrganisationId,
    string? Purpose,
    IReadOnlyList<string>? DataCategories,
    DateOnly? GivenOn,
    string? GivenInLanguage,
    bool InterpreterHelped,
    string? Form,
    DateOnly? ValidUntil) : ICommand<Guid>;

/// <summary>Revokes a consent from a day on and publishes <see cref="ConsentRevoked"/>.</summary>
internal sealed record RevokeConsent(ClientId ClientId, Guid ConsentId, DateOnly? On = null) : ICommand<Unit>;

internal sealed class GrantConsentValidator : AbstractValidator<GrantConsent>
{
    public GrantConsentValidator(TimeProvider time)
    {
        RuleFor(c => c.RecipientName).NotEmpty().WithMessage("Name the recipient.").MaximumLength(300);
        RuleFor(c => c.RecipientType).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Purpose).NotEmpty().WithMessage("State the purpose.").MaximumLength(1000);
        RuleFor(c => c.DataCategories).NotEmpty().WithMessage("Release at least one data category.");
        RuleForEach(c => c.DataCategories).Must(ConsentDataCategories.All.Contains).WithMessage($"Category is one of: {string.Join(", ", ConsentDataCategories.All)}.");
        RuleFor(c => c.GivenOn).NotNull().WithMessage("The day the consent was given is required.")
            .Must(d => d is null || d <= OfficeCalendar.Today(time)).WithMessage("A consent cannot be given in the future.");
        RuleFor(c => c.GivenInLanguage).Must(l => string.IsNullOrWhiteSpace(l) || l == "de" || LanguageCatalog.IsKnown(l)).WithMessage("Unknown language code.");
        RuleFor(c => c.Form).Must(InputEnum.IsGiven<ConsentForm>).WithMessage("Form is Written or Oral.");
        RuleFor(c => c.ValidUntil).Must((c, until) => until is null || c.GivenOn is null || until >= c.GivenOn).WithMessage("A consent cannot end before it was given.");
    }
}

internal sealed class GrantConsentHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<GrantConsent, Guid>
{
    public async Task<Result<Guid>> Handle(GrantConsent command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var loaded = await db.ActiveClientAsync(command.ClientId, cancellationToken);
        if (!loaded.IsSuccess)
            return loaded.Error;
        var now = time.GetUtcNow();
        var consent = Consent.Grant(
            loaded.Value,
            new ConsentRecipient(command.RecipientName!, command.RecipientOrganisationId),
            command.RecipientType!,
            command.Purpose!,
            command.DataCategories!,
            command.GivenOn!.Value,
            string.IsNullOrWhiteSpace(command.GivenInLanguage) ? "de" : command.GivenInLanguage.Trim(),
            command.InterpreterHelped,
            InputEnum.Parse(command.Form, ConsentForm.Written),
            command.ValidUntil,
            now);
        db.Consents.Add(consent);
        db.Enqueue(new ConsentGranted(Guid.NewGuid(), now, consent.OfficeId, consent.ClientId, consent.Id, consent.RecipientName, consent.RecipientType,
            consent.RecipientOrganisationId, consent.DataCategories, consent.GivenOn, consent.ValidUntil));
        await audit.RecordAsync(AuditAction.Create, "Consent", consent.Id, cancellationToken, $"client {command.ClientId}");
        return consent.Id;
    }
}

internal sealed class RevokeConsentHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit, TimeProvider time) : ICommandHandler<RevokeConsent, Unit>
{
    public async Task<Result<Unit>> Handle(RevokeConsent command, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseWorker() is { } denied)
            return denied;
        var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == command.ConsentId && c.ClientId == command.ClientId, cancellationToken);
        if (consent is null)
            return Error.NotFound("consent-not-found", "The consent was not found.");
        var revoked = consent.Revoke(command.On ?? OfficeCalendar.Today(time));
        if (!revoked.IsSuccess)
            return revoked.Error;
        db.Enqueue(new ConsentRevoked(Guid.NewGuid(), time.GetUtcNow(), consent.OfficeId, consent.ClientId, consent.Id, consent.RecipientName,
            consent.RecipientOrganisationId, consent.RevokedOn!.Value));
        await audit.RecordAsync(AuditAction.Update, "Consent", consent.Id, cancellationToken, "revoked");
        return Unit.Value;
    }
}
