using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Referrals.Domain.Referrals;

namespace CaseWork.Modules.Referrals.Tests.Domain;

internal static class ReferralBuilder
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly ReferralActor Worker = ReferralActor.Staff(UserId.New(), "Worker");

    public static readonly ReferralActor Agency = ReferralActor.AgencyLink("Beratungsstelle");

    public static Referral Draft(bool publicBody = false, IReadOnlyList<string>? categories = null) =>
        Referral.Draft(
            Guid.CreateVersion7(),
            OfficeId.New(),
            Guid.CreateVersion7(),
            new ReferralRecipient(Guid.CreateVersion7(), Guid.CreateVersion7(), "Schuldnerberatung Mitte", "debt_counselling", publicBody),
            [new ReferralNeed(Guid.Empty, Guid.CreateVersion7(), "debts")],
            categories ?? ["identity", "contact", "needs"],
            ReferralUrgency.Normal,
            "Bitte um Termin",
            Worker,
            Monday);

    public static SharingBasis Consent { get; } = new(Guid.CreateVersion7(), null);

    public static Referral InStatus(ReferralStatus status)
    {
        var referral = Draft();
        var at = Monday;
        bool Ok(CaseWork.BuildingBlocks.Results.Result<CaseWork.BuildingBlocks.Results.Unit> r) => r.IsSuccess ? true : throw new InvalidOperationException(r.Error!.Message);
        switch (status)
        {
            case ReferralStatus.Draft:
                break;
            case ReferralStatus.Withdrawn:
                Ok(referral.Withdraw(null, Worker, at));
                break;
            default:
                Ok(referral.Send(new SharingBasis(Guid.CreateVersion7(), null), false, Worker, at));
                switch (status)
                {
                    case ReferralStatus.Sent:
                        break;
                    case ReferralStatus.Accepted:
                        Ok(referral.Accept(Agency, at.AddDays(1)));
                        break;
                    case ReferralStatus.Declined:
                        Ok(referral.Decline(DeclinedBy.Agency, DeclineReason.NoCapacity, null, Agency, at.AddDays(1)));
                        break;
                    case ReferralStatus.Waitlisted:
                        Ok(referral.Waitlist(3, null, Agency, at.AddDays(1)));
                        break;
                    case ReferralStatus.InProgress:
                        Ok(referral.Accept(Agency, at.AddDays(1)));
                        Ok(referral.Start(Agency, at.AddDays(2)));
                        break;
                    case ReferralStatus.Completed:
                        Ok(referral.Accept(Agency, at.AddDays(1)));
                        Ok(referral.Complete(ReferralOutcome.GoalReached, null, Agency, at.AddDays(5)));
                        break;
                    case ReferralStatus.Expired:
                        referral.FollowUp(FollowUpPolicy.Default, TimeZoneInfo.Utc, at.AddDays(15));
                        break;
                }

                break;
        }

        return referral.Status == status ? referral : throw new InvalidOperationException($"Could not reach {status}.");
    }

    /// <summary>Attempts the move to <paramref name="to"/> with valid arguments; returns whether the domain allowed it.</summary>
    public static bool TryMove(Referral referral, ReferralStatus to)
    {
        var at = Monday.AddDays(3);
        var result = to switch
        {
            ReferralStatus.Sent => referral.Send(Consent, false, Worker, at),
            ReferralStatus.Accepted => referral.Accept(Agency, at),
            ReferralStatus.Declined => referral.Decline(DeclinedBy.Client, DeclineReason.ClientDeclined, null, Agency, at),
            ReferralStatus.Waitlisted => referral.Waitlist(2, new DateOnly(2026, 12, 1), Agency, at),
            ReferralStatus.InProgress => referral.Start(Agency, at),
            ReferralStatus.Completed => referral.Complete(ReferralOutcome.PartlyReached, null, Agency, at),
            ReferralStatus.Withdrawn => referral.Withdraw("nicht mehr nötig", Worker, at),
            ReferralStatus.Expired => ExpireResult(referral),
            _ => throw new ArgumentOutOfRangeException(nameof(to)),
        };
        return result.IsSuccess;
    }

    private static CaseWork.BuildingBlocks.Results.Result<CaseWork.BuildingBlocks.Results.Unit> ExpireResult(Referral referral) =>
        referral.FollowUp(FollowUpPolicy.Default, TimeZoneInfo.Utc, Monday.AddDays(60)) == FollowUpAction.Expire
            ? CaseWork.BuildingBlocks.Results.Unit.Value
            : CaseWork.BuildingBlocks.Results.Error.Conflict("no", "no");
}
