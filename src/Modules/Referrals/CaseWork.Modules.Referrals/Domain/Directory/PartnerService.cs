using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Directory;

/// <summary>
/// A service a partner organisation offers (HSDS <c>service</c>): what it does, for whom, in which languages, what it costs,
/// what to bring, how to apply, how long one waits, and whether it takes new clients now. Its <see cref="Type"/> and
/// <see cref="IsPublicBody"/> drive the referral rules.
/// </summary>
internal sealed class PartnerService : IOfficeScoped, IVersioned
{
    private readonly List<ServiceAtLocation> _locations = [];

    public PartnerService(Guid id, OfficeId officeId, Guid organisationId, ServiceDescription description)
    {
        Id = id;
        OfficeId = officeId;
        OrganisationId = organisationId;
        Version = 1;
        Describe(description);
    }

    private PartnerService()
    {
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Type { get; private set; } = ServiceTypes.Other;

    /// <summary>A public body (job centre, immigration office, social welfare office) may have to pass data on (§ 87 AufenthG, § 71 SGB X).</summary>
    public bool IsPublicBody { get; private set; }

    public string? Description { get; private set; }

    public string? Eligibility { get; private set; }

    /// <summary>Language codes from <see cref="LanguageCatalog"/>, comma separated and wrapped in commas (",ar,fa,") so a search by one code is a plain LIKE.</summary>
    public string LanguageCodes { get; private set; } = ",";

    public string? Fees { get; private set; }

    public string? DocumentsToBring { get; private set; }

    public string? HowToApply { get; private set; }

    public int? TypicalWaitingDays { get; private set; }

    public bool TakingNewClients { get; private set; }

    /// <summary>Where the agency receives its answer links for this service (falls back to the organisation's).</summary>
    public string? Email { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<ServiceAtLocation> Locations => _locations;

    public IReadOnlyList<string> Languages => LanguageCodes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Describe(ServiceDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Name = description.Name;
        Type = description.Type;
        IsPublicBody = description.IsPublicBody;
        Description = description.Description;
        Eligibility = description.Eligibility;
        LanguageCodes = "," + string.Join(',', description.Languages.Distinct(StringComparer.Ordinal)) + ",";
        Fees = description.Fees;
        DocumentsToBring = description.DocumentsToBring;
        HowToApply = description.HowToApply;
        TypicalWaitingDays = description.TypicalWaitingDays;
        TakingNewClients = description.TakingNewClients;
        Email = description.Email;
    }

    public void OfferAt(Guid locationId)
    {
        if (_locations.All(l => l.LocationId != locationId))
        {
            _locations.Add(new ServiceAtLocation(Guid.CreateVersion7(), Id, locationId));
        }
    }

    public bool Speaks(string languageCode) => LanguageCodes.Contains("," + languageCode + ",", StringComparison.Ordinal);
}

/// <summary>The editable description of a service, as forms and the HSDS import give it.</summary>
internal sealed record ServiceDescription(
    string Name,
    string Type,
    bool IsPublicBody,
    string? Description,
    string? Eligibility,
    IReadOnlyList<string> Languages,
    string? Fees,
    string? DocumentsToBring,
    string? HowToApply,
    int? TypicalWaitingDays,
    bool TakingNewClients,
    string? Email)
{
    /// <summary>Field problems, keyed by field name; empty when the description can be kept.</summary>
    public IReadOnlyDictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 200)
        {
            problems[nameof(Name)] = ["Der Name fehlt oder ist länger als 200 Zeichen."];
        }

        if (!ServiceTypes.IsKnown(Type))
        {
            problems[nameof(Type)] = ["Unbekannte Art des Angebots."];
        }

        var unknown = Languages.Where(code => !LanguageCatalog.IsKnown(code)).ToList();
        if (unknown.Count > 0)
        {
            problems[nameof(Languages)] = [$"Unbekannte Sprachcodes: {string.Join(", ", unknown)}."];
        }

        if (TypicalWaitingDays is < 0 or > 3650)
        {
            problems[nameof(TypicalWaitingDays)] = ["Die Wartezeit muss zwischen 0 und 3650 Tagen liegen."];
        }

        return problems;
    }
}

/// <summary>Which service is offered at which location (HSDS <c>service_at_location</c>).</summary>
internal sealed class ServiceAtLocation
{
    public ServiceAtLocation(Guid id, Guid serviceId, Guid locationId)
    {
        Id = id;
        ServiceId = serviceId;
        LocationId = locationId;
    }

    public Guid Id { get; private set; }

    public Guid ServiceId { get; private set; }

    public Guid LocationId { get; private set; }
}
