using System.Globalization;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>The office's directory as an HSDS-shaped document, so a district can share it.</summary>
internal sealed record ExportDirectory : IQuery<HsdsDirectory>;

internal sealed class ExportDirectoryHandler(ReferralsDbContext db) : IQueryHandler<ExportDirectory, HsdsDirectory>
{
    public async Task<Result<HsdsDirectory>> Handle(ExportDirectory query, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.AsNoTracking()
            .Include(o => o.Locations).ThenInclude(l => l.OpeningHours)
            .Include(o => o.Contacts)
            .AsSplitQuery()
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .ToListAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().Include(s => s.Locations).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return new HsdsDirectory("3.0", organisations.Select(o => new HsdsOrganization(
            o.Id,
            o.Name,
            o.Description,
            o.Email,
            o.Website,
            o.Phone is null ? null : [new HsdsPhone(o.Phone)],
            o.Locations.OrderBy(l => l.Name).Select(l => new HsdsLocation(
                l.Id,
                l.IsVirtual ? "virtual" : "physical",
                l.Name,
                l.IsVirtual ? null : [new HsdsAddress(l.Street, l.City, l.PostalCode)],
                l.Accessibility is null ? null : [new HsdsAccessibility(l.Accessibility)],
                l.OpeningHours.OrderBy(h => h.ByDay).ThenBy(h => h.OpensAt).Select(h => new HsdsSchedule(
                    h.Frequency, h.ByDay, h.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture), h.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture), h.Description)).ToList())).ToList(),
            services.Where(s => s.OrganisationId == o.Id).Select(s => new HsdsService(
                s.Id,
                s.Name,
                s.Description,
                s.Eligibility,
                s.Languages.Select(code => new HsdsLanguage(code)).ToList(),
                s.Fees,
                s.DocumentsToBring is null ? null : s.DocumentsToBring.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => new HsdsRequiredDocument(d)).ToList(),
                s.HowToApply,
                s.Email,
                "active",
                s.Locations.OrderBy(l => l.LocationId).Select(l => new HsdsServiceAtLocation(l.Id, l.LocationId)).ToList(),
                new HsdsCaseWorkExtension(s.Type, s.IsPublicBody, s.TypicalWaitingDays, s.TakingNewClients))).ToList(),
            o.Contacts.OrderBy(c => c.Name).Select(c => new HsdsContact(c.Id, c.ServiceId, c.Name, c.Title, c.Email, c.Phone is null ? null : [new HsdsPhone(c.Phone)])).ToList())).ToList());
    }
}

/// <summary>The directory as one CSV row per service and location, for spreadsheets; <see cref="DirectoryCsvReader"/> reads it back.</summary>
internal static class DirectoryCsv
{
    public static Csv Write(HsdsDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var csv = new Csv().Row("organization_id", "organization_name", "service_id", "service_name", "service_type", "public_body", "languages",
            "taking_new_clients", "typical_waiting_days", "eligibility", "fees", "application_process", "location_name", "address", "postal_code", "city", "opening_hours");
        foreach (var organisation in directory.Organizations)
        {
            foreach (var service in organisation.Services ?? [])
            {
                // By location name (then id): the CSV has no location ids, and an import gives new ones, so this keeps a round trip's rows in order.
                var locations = (service.ServiceAtLocations ?? []).Select(sal => organisation.Locations?.FirstOrDefault(l => l.Id == sal.LocationId))
                    .OrderBy(l => l?.Name, StringComparer.Ordinal).ThenBy(l => l?.Id).ToList();
                if (locations.Count == 0)
                {
                    locations.Add(null);
                }

                foreach (var location in locations)
                {
                    var address = location?.Addresses is { Count: > 0 } addresses ? addresses[0] : null;
                    csv.Row(
                        organisation.Id,
                        organisation.Name,
                        service.Id,
                        service.Name,
                        service.XCasework.ServiceType,
                        service.XCasework.PublicBody ? "yes" : "no",
                        string.Join(' ', (service.Languages ?? []).Select(l => l.Code)),
                        service.XCasework.TakingNewClients ? "yes" : "no",
                        service.XCasework.TypicalWaitingDays,
                        service.EligibilityDescription,
                        service.FeesDescription,
                        service.ApplicationProcess,
                        location?.Name,
                        address?.Address1,
                        address?.PostalCode,
                        address?.City,
                        string.Join("; ", (location?.Schedules ?? []).Select(s => $"FREQ={s.Freq};BYDAY={s.Byday} {s.OpensAt}-{s.ClosesAt}")));
                }
            }
        }

        return csv;
    }
}
