using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Referrals;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using FluentValidation;

namespace CaseWork.Modules.Referrals.Features.Answer;

/// <summary>
/// Moves a referral on: the agency accepts, declines, waitlists, starts or reports the outcome (by link or Partner
/// account); the worker may record the same when the agency answered by phone, a client's decline, or withdraw it.
/// <see cref="Version"/> is the version the caller saw: a stale answer is a conflict, never silently applied.
/// </summary>
internal sealed record AnswerReferral(
    Guid? ReferralId,
    string? Token,
    string Action,
    int Version,
    string? DeclinedBy = null,
    string? Reason = null,
    int? Position = null,
    DateOnly? ExpectedOn = null,
    string? Outcome = null,
    string? Note = null) : ICommand<ReferralAnswered>;

internal sealed record ReferralAnswered(Guid ReferralId, string Status, int Version);

internal static class AnswerActions
{
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Waitlist = "waitlist";
    public const string Start = "start";
    public const string Complete = "complete";
    public const string Withdraw = "withdraw";

    public static IReadOnlyList<string> ForAgency { get; } = [Accept, Decline, Waitlist, Start, Complete];

    public static IReadOnlyList<string> ForOffice { get; } = [Accept, Decline, Waitlist, Start, Complete, Withdraw];
}

internal sealed class AnswerReferralValidator : AbstractValidator<AnswerReferral>
{
    public AnswerReferralValidator()
    {
        RuleFor(c => c.Action).Must(AnswerActions.ForOffice.Contains).WithMessage("Unbekannte Aktion.");
        RuleFor(c => c.Reason).Must(r => ReferralCodes.TryParse<DeclineReason>(r, out _))
            .When(c => c.Action == AnswerActions.Decline).WithMessage("Bitte einen Grund für die Ablehnung wählen.");
        RuleFor(c => c.DeclinedBy).Must(r => r is null || ReferralCodes.TryParse<DeclinedBy>(r, out _)).WithMessage("agency oder client.");
        RuleFor(c => c.Position).NotNull().GreaterThanOrEqualTo(1).When(c => c.Action == AnswerActions.Waitlist)
            .WithMessage("Bitte die Position auf der Warteliste angeben (ab 1).");
        RuleFor(c => c.Outcome).Must(o => ReferralCodes.TryParse<ReferralOutcome>(o, out _))
            .When(c => c.Action == AnswerActions.Complete).WithMessage("Bitte ein Ergebnis wählen.");
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

internal sealed class AnswerReferralHandler(
    ReferralsDbContext db,
    ReferralAccess access,
    TimeProvider time,
    IAuditTrail audit,
    IActingOffice acting) : ICommandHandler<AnswerReferral, ReferralAnswered>
{
    public async Task<Result<ReferralAnswered>> Handle(AnswerReferral command, CancellationToken cancellationToken)
    {
        var grant = await access.FindAsync(command.ReferralId, command.Token, tracking: true, cancellationToken);
        if (grant is null)
        {
            return Error.NotFound("referral-not-found", "Diese Weitervermittlung gibt es nicht (mehr), oder der Link ist abgelaufen.");
        }

        var (referral, audience, actor) = grant;
        if (audience == Audience.Agency && !AnswerActions.ForAgency.Contains(command.Action))
        {
            return Error.Validation("action", "Die aufnehmende Stelle kann eine Weitervermittlung nicht zurückziehen.");
        }

        // The save is checked against the version the caller saw, not the one just loaded.
        db.Entry(referral).Property(r => r.Version).OriginalValue = command.Version;
        var now = time.GetUtcNow();
        var result = command.Action switch
        {
            AnswerActions.Accept => referral.Accept(actor, now),
            AnswerActions.Decline => referral.Decline(
                ReferralCodes.TryParse<DeclinedBy>(command.DeclinedBy, out var by) ? by : audience == Audience.Agency ? DeclinedBy.Agency : Domain.Referrals.DeclinedBy.Client,
                ReferralCodes.TryParse<DeclineReason>(command.Reason, out var reason) ? reason : null, command.Note, actor, now),
            AnswerActions.Waitlist => referral.Waitlist(command.Position ?? 0, command.ExpectedOn, actor, now),
            AnswerActions.Start => referral.Start(actor, now),
            AnswerActions.Complete => referral.Complete(
                ReferralCodes.TryParse<ReferralOutcome>(command.Outcome, out var outcome) ? outcome : null, command.Note, actor, now),
            _ => referral.Withdraw(command.Note, actor, now),
        };
        if (!result.IsSuccess)
        {
            return result.Error;
        }

        if (!referral.IsOpen)
        {
            referral.RevokeAgencyLink();
        }

        switch (referral.Status)
        {
            case ReferralStatus.Accepted:
                db.Enqueue(new ReferralAccepted(Guid.CreateVersion7(), now, referral.OfficeId, referral.Id, referral.ClientId));
                break;
            case ReferralStatus.Declined:
                db.Enqueue(new ReferralDeclined(Guid.CreateVersion7(), now, referral.OfficeId, referral.Id, referral.ClientId,
                    ReferralCodes.Code(referral.DeclinedBy!.Value), ReferralCodes.Code(referral.DeclineReason!.Value)));
                break;
            case ReferralStatus.Completed:
                db.Enqueue(new ReferralCompleted(Guid.CreateVersion7(), now, referral.OfficeId, referral.Id, referral.ClientId,
                    referral.Needs.Select(n => n.NeedId).ToList(), ReferralCodes.Code(referral.Outcome!.Value)));
                break;
        }

        using (acting.Enter(referral.OfficeId))
        {
            await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "Referral", referral.Id.ToString(),
                Details: $"{command.Action} by {ReferralCodes.Code(actor.Kind)}"), cancellationToken);
        }

        return new ReferralAnswered(referral.Id, ReferralCodes.Code(referral.Status), referral.Version + 1);
    }
}
