using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;

namespace CaseWork.Modules.Clients.Contracts;

/// <summary>A client record was created (registered directly or converted from an anonymous contact).</summary>
public sealed record ClientRegistered(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, ClientId ClientId, string PseudonymCode)
    : IIntegrationEvent;

/// <summary>
/// A client's contact channels, reminder channel, preferred language or interpreter preferences (interpreters not to be
/// used among them) changed; re-read the display summary and the exclusions.
/// </summary>
public sealed record ClientContactDetailsChanged(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, ClientId ClientId)
    : IIntegrationEvent;

/// <summary>
/// A client's identity was removed (retention period over, or an erasure request). Receivers drop the personal data they hold
/// about the client and keep only what counts (statistics).
/// </summary>
public sealed record ClientAnonymised(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, ClientId ClientId, string Reason)
    : IIntegrationEvent;

/// <summary>Two records of one person were merged; <paramref name="MergedClientId"/> now points to <paramref name="SurvivingClientId"/>.</summary>
public sealed record ClientsMerged(Guid EventId, DateTimeOffset OccurredAt, OfficeId OfficeId, ClientId SurvivingClientId, ClientId MergedClientId)
    : IIntegrationEvent;

/// <summary>A client gave consent to share data categories with a recipient (Schweigepflichtentbindung).</summary>
/// <param name="EventId">Event id.</param>
/// <param name="OccurredAt">When it was recorded.</param>
/// <param name="OfficeId">The client's office.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ConsentId">The consent.</param>
/// <param name="RecipientName">Who may receive the data.</param>
/// <param name="RecipientType">Kind of recipient (e.g. "job_centre", "debt_counselling").</param>
/// <param name="RecipientOrganisationId">The recipient's id in the partner directory, when picked from it.</param>
/// <param name="DataCategories">Released categories (<see cref="ConsentDataCategories"/>).</param>
/// <param name="GivenOn">The day the consent was given.</param>
/// <param name="ValidUntil">Last valid day, if limited.</param>
public sealed record ConsentGranted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    ClientId ClientId,
    Guid ConsentId,
    string RecipientName,
    string RecipientType,
    Guid? RecipientOrganisationId,
    IReadOnlyList<string> DataCategories,
    DateOnly GivenOn,
    DateOnly? ValidUntil) : IIntegrationEvent;

/// <summary>A consent was revoked: no further data may be shared on its basis from <paramref name="RevokedOn"/>.</summary>
public sealed record ConsentRevoked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    OfficeId OfficeId,
    ClientId ClientId,
    Guid ConsentId,
    string RecipientName,
    Guid? RecipientOrganisationId,
    DateOnly RevokedOn) : IIntegrationEvent;
