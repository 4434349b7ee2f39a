using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Referrals.Domain.Directory;

/// <summary>A partner organisation in the office's directory (HSDS <c>organization</c>), with its locations and contacts.</summary>
internal sealed class Organisation : IOfficeScoped, IVersioned
{
    private readonly List<Location> _locations = [];
    private readonly List<Contact> _contacts = [];

    public Organisation(Guid id, OfficeId officeId, string name, string? description, string? email, string? website, string? phone)
    {
        Id = id;
        OfficeId = officeId;
        Name = name;
        Description = description;
        Email = email;
        Website = website;
        Phone = phone;
        Version = 1;
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public string Name { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Where the agency's secret answer links are sent when a service has no own address.</summary>
    public string? Email { get; private set; }

    public string? Website { get; private set; }

    public string? Phone { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<Location> Locations => _locations;

    public IReadOnlyList<Contact> Contacts => _contacts;

    public void Rename(string name, string? description, string? email, string? website, string? phone)
    {
        Name = name;
        Description = description;
        Email = email;
        Website = website;
        Phone = phone;
    }

    public Location AddLocation(Location location)
    {
        _locations.Add(location);
        return location;
    }

    public Contact AddContact(Contact contact)
    {
        _contacts.Add(contact);
        return contact;
    }

    /// <summary>Takes a location off the organisation (its opening hours go with it).</summary>
    public void RemoveLocation(Location location) => _locations.Remove(location);

    public void RemoveContact(Contact contact) => _contacts.Remove(contact);
}

/// <summary>A place where services are delivered (HSDS <c>location</c>): a physical address or virtual (phone, video, web).</summary>
internal sealed class Location
{
    private readonly List<OpeningHours> _openingHours = [];

    public Location(Guid id, Guid organisationId, string name, bool isVirtual, string? street, string? postalCode, string? city, string? accessibility)
    {
        Id = id;
        OrganisationId = organisationId;
        Name = name;
        IsVirtual = isVirtual;
        Street = street;
        PostalCode = postalCode;
        City = city;
        Accessibility = accessibility;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; }

    /// <summary>HSDS <c>location_type</c> "virtual": no address, reached by phone, video or web.</summary>
    public bool IsVirtual { get; private set; }

    public string? Street { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    /// <summary>Accessibility in words (step-free entrance, lift, hearing loop…), HSDS <c>accessibility.description</c>.</summary>
    public string? Accessibility { get; private set; }

    public IReadOnlyList<OpeningHours> OpeningHours => _openingHours;

    public void AddOpeningHours(OpeningHours hours) => _openingHours.Add(hours);

    public void Change(string name, bool isVirtual, string? street, string? postalCode, string? city, string? accessibility)
    {
        Name = name;
        IsVirtual = isVirtual;
        Street = street;
        PostalCode = postalCode;
        City = city;
        Accessibility = accessibility;
    }

    /// <summary>Replaces every opening-hours rule with <paramref name="hours"/> (none: no opening hours).</summary>
    public void ReplaceOpeningHours(OpeningHours? hours)
    {
        _openingHours.Clear();
        if (hours is not null)
        {
            _openingHours.Add(hours);
        }
    }

    /// <summary>One line for lists: "Straße, PLZ Ort" or the name of a virtual location.</summary>
    public string AddressLine => IsVirtual
        ? Name
        : string.Join(", ", new[] { Street, string.Join(' ', new[] { PostalCode, City }.Where(s => !string.IsNullOrWhiteSpace(s))) }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// Regular opening hours as a recurrence (HSDS <c>schedule</c>: <c>freq</c>, <c>byday</c>, <c>opens_at</c>, <c>closes_at</c>),
/// so a district's export keeps the meaning, not a free-text "Mo–Fr 9–12".
/// </summary>
internal sealed class OpeningHours
{
    public OpeningHours(Guid id, Guid locationId, string frequency, string byDay, TimeOnly opensAt, TimeOnly closesAt, string? description)
    {
        Id = id;
        LocationId = locationId;
        Frequency = frequency;
        ByDay = byDay;
        OpensAt = opensAt;
        ClosesAt = closesAt;
        Description = description;
    }

    public static readonly IReadOnlyList<string> Weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public Guid Id { get; private set; }

    public Guid LocationId { get; private set; }

    /// <summary>RFC 5545 FREQ: WEEKLY or MONTHLY.</summary>
    public string Frequency { get; private set; }

    /// <summary>RFC 5545 BYDAY, e.g. "MO,TU,TH" (MONTHLY may carry an ordinal, "1WE").</summary>
    public string ByDay { get; private set; }

    public TimeOnly OpensAt { get; private set; }

    public TimeOnly ClosesAt { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The recurrence rule, e.g. <c>FREQ=WEEKLY;BYDAY=MO,TU</c>.</summary>
    public string RecurrenceRule => $"FREQ={Frequency};BYDAY={ByDay}";

    /// <summary>Whether a frequency and day list are a rule we can keep (and export) faithfully.</summary>
    public static bool IsValid(string? frequency, string? byDay, TimeOnly opensAt, TimeOnly closesAt)
    {
        if (frequency is not ("WEEKLY" or "MONTHLY") || string.IsNullOrWhiteSpace(byDay) || closesAt <= opensAt)
        {
            return false;
        }

        return byDay.Split(',').All(day =>
        {
            var code = day.TrimStart('-', '1', '2', '3', '4', '5');
            var ordinal = day[..^code.Length];
            return Weekdays.Contains(code) && (ordinal.Length == 0 || frequency == "MONTHLY");
        });
    }
}

/// <summary>A contact person or desk at an organisation or for one service (HSDS <c>contact</c>).</summary>
internal sealed class Contact
{
    public Contact(Guid id, Guid organisationId, Guid? serviceId, string name, string? title, string? email, string? phone)
    {
        Id = id;
        OrganisationId = organisationId;
        ServiceId = serviceId;
        Name = name;
        Title = title;
        Email = email;
        Phone = phone;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? ServiceId { get; private set; }

    public string Name { get; private set; }

    public string? Title { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public void Change(string name, string? title, string? email, string? phone)
    {
        Name = name;
        Title = title;
        Email = email;
        Phone = phone;
    }
}
