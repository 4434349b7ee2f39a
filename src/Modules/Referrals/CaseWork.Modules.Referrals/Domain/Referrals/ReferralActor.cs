using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Referrals;

/// <summary>Who changed a referral: a signed-in user, the agency through its secret link, or the system (expiry).</summary>
internal sealed record ReferralActor(ActorKind Kind, UserId? UserId, string Name)
{
    public static ReferralActor Staff(UserId userId, string name) => new(ActorKind.Staff, userId, name);

    public static ReferralActor Partner(UserId userId, string name) => new(ActorKind.Partner, userId, name);

    public static ReferralActor AgencyLink(string organisationName) => new(ActorKind.AgencyLink, null, organisationName);

    public static ReferralActor System { get; } = new(ActorKind.System, null, "system");
}

/// <summary>The kind of actor.</summary>
internal enum ActorKind
{
    Staff,
    Partner,
    AgencyLink,
    System,
}
