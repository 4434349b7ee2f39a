using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>Services of the office's directory matching a need area, a language and a place (city, postal code or street).</summary>
internal sealed record SearchServices(string? Need, string? Language, string? Place, bool OnlyTakingNewClients = false) : IQuery<IReadOnlyList<ServiceListItem>>;

internal sealed record ServiceListItem(
    Guid Id,
    Guid OrganisationId,
    string Name,
    string OrganisationName,
    string Type,
    bool IsPublicBody,
    IReadOnlyList<string> Languages,
    bool TakingNewClients,
    int? TypicalWaitingDays,
    string? Description,
    string? Eligibility,
    string? Fees,
    string? DocumentsToBring,
    string? HowToApply,
    IReadOnlyList<LocationItem> Locations,
    int Version);

internal sealed record LocationItem(Guid Id, string Name, bool IsVirtual, string AddressLine, string? Accessibility, IReadOnlyList<string> OpeningHours);

internal sealed class SearchServicesHandler(ReferralsDbContext db) : IQueryHandler<SearchServices, IReadOnlyList<ServiceListItem>>
{
    public async Task<Result<IReadOnlyList<ServiceListItem>>> Handle(SearchServices query, CancellationToken cancellationToken)
    {
        var services = db.Services.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Need))
        {
            var types = ServiceTypes.ForNeed(query.Need);
            services = services.Where(s => types.Contains(s.Type));
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            var code = "," + query.Language.Trim() + ",";
            services = services.Where(s => s.LanguageCodes.Contains(code));
        }

        if (query.OnlyTakingNewClients)
        {
            services = services.Where(s => s.TakingNewClients);
        }

        var found = await services.OrderBy(s => s.Name).Take(200).ToListAsync(cancellationToken);
        var items = await ServiceItems.BuildAsync(db, found, cancellationToken);
        if (!string.IsNullOrWhiteSpace(query.Place))
        {
            var place = query.Place.Trim();
            items = items.Where(i => i.Locations.Any(l => l.IsVirtual || l.AddressLine.Contains(place, StringComparison.OrdinalIgnoreCase) || l.Name.Contains(place, StringComparison.OrdinalIgnoreCase))).ToList();
        }

        return Result<IReadOnlyList<ServiceListItem>>.Success(items);
    }
}

/// <summary>Builds list items with organisation names and locations (one query per kind, not per service).</summary>
internal static class ServiceItems
{
    public static async Task<IReadOnlyList<ServiceListItem>> BuildAsync(ReferralsDbContext db, IReadOnlyList<PartnerService> services, CancellationToken cancellationToken)
    {
        var organisationIds = services.Select(s => s.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Include(o => o.Locations).ThenInclude(l => l.OpeningHours)
            .AsSplitQuery()
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var serviceIds = services.Select(s => s.Id).ToList();
        var links = await db.Set<ServiceAtLocation>().AsNoTracking().Where(l => serviceIds.Contains(l.ServiceId)).ToListAsync(cancellationToken);
        return services.Select(s =>
        {
            var organisation = organisations.GetValueOrDefault(s.OrganisationId);
            var locationIds = links.Where(l => l.ServiceId == s.Id).Select(l => l.LocationId).ToHashSet();
            var locations = organisation?.Locations.Where(l => locationIds.Contains(l.Id))
                .Select(l => new LocationItem(l.Id, l.Name, l.IsVirtual, l.AddressLine, l.Accessibility,
                    l.OpeningHours.Select(Describe).ToList()))
                .ToList() ?? [];
            return new ServiceListItem(s.Id, s.OrganisationId, s.Name, organisation?.Name ?? "", s.Type, s.IsPublicBody, s.Languages, s.TakingNewClients,
                s.TypicalWaitingDays, s.Description, s.Eligibility, s.Fees, s.DocumentsToBring, s.HowToApply, locations, s.Version);
        }).ToList();
    }

    private static readonly Dictionary<string, string> DayNames = new()
    {
        ["MO"] = "Mo", ["TU"] = "Di", ["WE"] = "Mi", ["TH"] = "Do", ["FR"] = "Fr", ["SA"] = "Sa", ["SU"] = "So",
    };

    public static string Describe(OpeningHours hours)
    {
        var days = string.Join(", ", hours.ByDay.Split(',').Select(d => DayNames.GetValueOrDefault(d, d)));
        return $"{days} {hours.OpensAt:HH\\:mm}–{hours.ClosesAt:HH\\:mm}" + (hours.Description is { Length: > 0 } note ? $" ({note})" : "");
    }
}
