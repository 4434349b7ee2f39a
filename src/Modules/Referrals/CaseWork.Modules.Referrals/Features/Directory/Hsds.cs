using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>
/// The directory as Open Referral HSDS 3.0 shapes it: organizations with their services, locations (with schedules as
/// recurrence fields) and contacts; service_at_locations link the two. Fields HSDS has no name for (service type, public
/// body, waiting days, taking new clients) travel in <c>x_casework</c> on the service, as HSDS allows extensions.
/// </summary>
internal static class Hsds
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };
}

internal sealed record HsdsDirectory(string Version, IReadOnlyList<HsdsOrganization> Organizations);

internal sealed record HsdsOrganization(
    Guid Id,
    string Name,
    string? Description,
    string? Email,
    string? Website,
    IReadOnlyList<HsdsPhone>? Phones,
    IReadOnlyList<HsdsLocation>? Locations,
    IReadOnlyList<HsdsService>? Services,
    IReadOnlyList<HsdsContact>? Contacts);

internal sealed record HsdsPhone(string Number);

internal sealed record HsdsLocation(
    Guid Id,
    string LocationType,
    string Name,
    IReadOnlyList<HsdsAddress>? Addresses,
    IReadOnlyList<HsdsAccessibility>? Accessibility,
    IReadOnlyList<HsdsSchedule>? Schedules);

internal sealed record HsdsAddress([property: JsonPropertyName("address_1")] string? Address1, string? City, string? PostalCode, string Country = "DE");

internal sealed record HsdsAccessibility(string Description);

internal sealed record HsdsSchedule(string Freq, string Byday, string OpensAt, string ClosesAt, string? Description);

internal sealed record HsdsService(
    Guid Id,
    string Name,
    string? Description,
    string? EligibilityDescription,
    IReadOnlyList<HsdsLanguage>? Languages,
    string? FeesDescription,
    IReadOnlyList<HsdsRequiredDocument>? RequiredDocuments,
    string? ApplicationProcess,
    string? Email,
    string Status,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations,
    HsdsCaseWorkExtension XCasework);

internal sealed record HsdsLanguage(string Code);

internal sealed record HsdsRequiredDocument(string Document);

internal sealed record HsdsServiceAtLocation(Guid Id, Guid LocationId);

internal sealed record HsdsCaseWorkExtension(string ServiceType, bool PublicBody, int? TypicalWaitingDays, bool TakingNewClients);

internal sealed record HsdsContact(Guid Id, Guid? ServiceId, string Name, string? Title, string? Email, IReadOnlyList<HsdsPhone>? Phones);
