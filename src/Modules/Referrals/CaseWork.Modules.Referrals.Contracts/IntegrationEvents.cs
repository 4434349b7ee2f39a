using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.Referrals.Contracts;

/// <summary>
/// A referral was sent to a partner service. <paramref name="ServiceType"/> lets other modules take over referrals of
/// their kind (the DebtCounselling module's handoff listens for <c>debt_counselling</c>).
/// </summary>
public sealed record ReferralSent(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    Guid ReferralId,
    Guid ClientId,
    IReadOnlyList<Guid> NeedIds,
    Guid ServiceId,
    string ServiceType,
    IReadOnlyList<string> SharedDataCategories,
    string Urgency) : IIntegrationEvent;

/// <summary>The receiving agency accepted a referral.</summary>
public sealed record ReferralAccepted(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, Guid ReferralId, Guid ClientId) : IIntegrationEvent;

/// <summary>A referral was declined by the agency or by the client, with a coded reason.</summary>
public sealed record ReferralDeclined(
    Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, Guid ReferralId, Guid ClientId, string DeclinedBy, string ReasonCode) : IIntegrationEvent;

/// <summary>A referral ended with an outcome; the linked needs (<paramref name="NeedIds"/>) can be closed in the case file.</summary>
/// <param name="EventId">Event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="OfficeId">Office.</param>
/// <param name="ReferralId">Referral.</param>
/// <param name="ClientId">Client.</param>
/// <param name="NeedIds">The client's needs the referral was for.</param>
/// <param name="Outcome">"goal_reached", "partly_reached", "not_reached", "client_withdrew", "did_not_attend".</param>
public sealed record ReferralCompleted(
    Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, Guid ReferralId, Guid ClientId, IReadOnlyList<Guid> NeedIds, string Outcome) : IIntegrationEvent;
