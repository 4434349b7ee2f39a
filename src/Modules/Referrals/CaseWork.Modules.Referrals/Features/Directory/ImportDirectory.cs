using System.Globalization;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Contracts;
using CaseWork.Modules.Referrals.Domain.Directory;
using CaseWork.Modules.Referrals.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Referrals.Features.Directory;

/// <summary>
/// Imports an HSDS-shaped directory into the office's directory. Organisations, services, locations and contacts are kept by
/// their HSDS ids: an id already in the office's directory is updated, a new one added; nothing is deleted. The whole
/// document is checked first, so a bad entry changes nothing.
/// </summary>
internal sealed record ImportDirectory(HsdsDirectory Directory) : ICommand<DirectoryImported>;

internal sealed record DirectoryImported(int Organisations, int Services, int Locations);

internal sealed class ImportDirectoryHandler(ReferralsDbContext db, ICurrentUser user, IAuditTrail audit) : ICommandHandler<ImportDirectory, DirectoryImported>
{
    public async Task<Result<DirectoryImported>> Handle(ImportDirectory command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Nur Mitarbeitende einer Beratungsstelle können das Verzeichnis pflegen.");
        }

        return await MergeAsync(db, audit, office, command.Directory, "HSDS import", cancellationToken);
    }

    /// <summary>
    /// The merge both imports share (HSDS JSON and CSV): checks the whole document first, then updates what exists by id and
    /// adds what is new; nothing is deleted. Ids of another office's directory are refused.
    /// </summary>
    public static async Task<Result<DirectoryImported>> MergeAsync(
        ReferralsDbContext db, IAuditTrail audit, OfficeId office, HsdsDirectory directory, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(audit);
        var problems = Check(directory);
        if (problems.Count > 0)
        {
            return Error.Validation(problems);
        }

        var organisationIds = directory.Organizations.Select(o => o.Id).ToList();
        var serviceIds = directory.Organizations.SelectMany(o => o.Services ?? []).Select(s => s.Id).ToList();

        // Ids that exist in another office's directory cannot be taken over (and must not be revealed).
        var foreign = await db.Organisations.IgnoreQueryFilters().AnyAsync(o => organisationIds.Contains(o.Id) && o.OfficeId != office, cancellationToken)
            || await db.Services.IgnoreQueryFilters().AnyAsync(s => serviceIds.Contains(s.Id) && s.OfficeId != office, cancellationToken);
        if (foreign)
        {
            return Error.Validation("organizations", "Das Verzeichnis enthält Kennungen, die hier nicht verwendet werden können. Exportieren Sie es mit neuen Kennungen.");
        }

        var existing = await db.Organisations.Include(o => o.Locations).ThenInclude(l => l.OpeningHours).Include(o => o.Contacts)
            .AsSplitQuery().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var existingServices = await db.Services.Include(s => s.Locations).Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        var locations = 0;
        foreach (var source in directory.Organizations)
        {
            var phone = source.Phones is { Count: > 0 } phones ? phones[0].Number : null;
            if (!existing.TryGetValue(source.Id, out var organisation))
            {
                organisation = new Organisation(source.Id, office, source.Name, source.Description, source.Email, source.Website, phone);
                db.Organisations.Add(organisation);
            }
            else
            {
                organisation.Rename(source.Name, source.Description, source.Email, source.Website, phone);
            }

            foreach (var sourceLocation in source.Locations ?? [])
            {
                if (organisation.Locations.Any(l => l.Id == sourceLocation.Id))
                {
                    continue;
                }

                var address = sourceLocation.Addresses is { Count: > 0 } addresses ? addresses[0] : null;
                var location = organisation.AddLocation(new Location(sourceLocation.Id, organisation.Id, sourceLocation.Name,
                    sourceLocation.LocationType == "virtual", address?.Address1, address?.PostalCode, address?.City,
                    sourceLocation.Accessibility is { Count: > 0 } accessibility ? accessibility[0].Description : null));
                foreach (var schedule in sourceLocation.Schedules ?? [])
                {
                    location.AddOpeningHours(new OpeningHours(Guid.CreateVersion7(), location.Id, schedule.Freq, schedule.Byday,
                        ParseTime(schedule.OpensAt)!.Value, ParseTime(schedule.ClosesAt)!.Value, schedule.Description));
                }

                locations++;
            }

            foreach (var sourceContact in source.Contacts ?? [])
            {
                if (organisation.Contacts.All(c => c.Id != sourceContact.Id))
                {
                    organisation.AddContact(new Contact(sourceContact.Id, organisation.Id, sourceContact.ServiceId, sourceContact.Name, sourceContact.Title,
                        sourceContact.Email, sourceContact.Phones is { Count: > 0 } contactPhones ? contactPhones[0].Number : null));
                }
            }

            foreach (var sourceService in source.Services ?? [])
            {
                var description = Describe(sourceService);
                if (!existingServices.TryGetValue(sourceService.Id, out var service))
                {
                    service = new PartnerService(sourceService.Id, office, organisation.Id, description);
                    db.Services.Add(service);
                }
                else
                {
                    service.Describe(description);
                }

                foreach (var link in sourceService.ServiceAtLocations ?? [])
                {
                    service.OfferAt(link.LocationId);
                }
            }
        }

        await audit.RecordAsync(new AuditRecord(ReferralsContract.ModuleName, AuditAction.Update, "PartnerDirectory", office.ToString(),
            Details: $"{origin}: {organisationIds.Count} organisations, {serviceIds.Count} services"), cancellationToken);
        return new DirectoryImported(organisationIds.Count, serviceIds.Count, locations);
    }

    public static ServiceDescription Describe(HsdsService s) => new(
        s.Name,
        s.XCasework?.ServiceType ?? "",
        s.XCasework?.PublicBody ?? false,
        s.Description,
        s.EligibilityDescription,
        (s.Languages ?? []).Select(l => l.Code).ToList(),
        s.FeesDescription,
        s.RequiredDocuments is { Count: > 0 } documents ? string.Join('\n', documents.Select(d => d.Document)) : null,
        s.ApplicationProcess,
        s.XCasework?.TypicalWaitingDays,
        s.XCasework?.TakingNewClients ?? true,
        s.Email);

    private static Dictionary<string, string[]> Check(HsdsDirectory? directory)
    {
        var problems = new Dictionary<string, string[]>();
        if (directory?.Organizations is null)
        {
            problems["organizations"] = ["Das Dokument enthält keine Organisationen."];
            return problems;
        }

        for (var o = 0; o < directory.Organizations.Count; o++)
        {
            var organisation = directory.Organizations[o];
            var prefix = $"organizations[{o}]";
            if (organisation.Id == Guid.Empty)
            {
                problems[$"{prefix}.id"] = ["Die Kennung fehlt."];
            }

            if (string.IsNullOrWhiteSpace(organisation.Name) || organisation.Name.Length > 200)
            {
                problems[$"{prefix}.name"] = ["Der Name fehlt oder ist länger als 200 Zeichen."];
            }

            var locationIds = (organisation.Locations ?? []).Select(l => l.Id).ToHashSet();
            for (var l = 0; l < (organisation.Locations?.Count ?? 0); l++)
            {
                var location = organisation.Locations![l];
                if (location.LocationType is not ("physical" or "virtual") || string.IsNullOrWhiteSpace(location.Name))
                {
                    problems[$"{prefix}.locations[{l}]"] = ["Ein Ort braucht einen Namen und die Art physical oder virtual."];
                }

                for (var h = 0; h < (location.Schedules?.Count ?? 0); h++)
                {
                    var schedule = location.Schedules![h];
                    var opens = ParseTime(schedule.OpensAt);
                    var closes = ParseTime(schedule.ClosesAt);
                    if (opens is null || closes is null || !OpeningHours.IsValid(schedule.Freq, schedule.Byday, opens.Value, closes.Value))
                    {
                        problems[$"{prefix}.locations[{l}].schedules[{h}]"] = ["Öffnungszeiten brauchen FREQ (WEEKLY/MONTHLY), BYDAY und opens_at vor closes_at (HH:mm)."];
                    }
                }
            }

            for (var s = 0; s < (organisation.Services?.Count ?? 0); s++)
            {
                var service = organisation.Services![s];
                if (service.Id == Guid.Empty)
                {
                    problems[$"{prefix}.services[{s}].id"] = ["Die Kennung fehlt."];
                }

                foreach (var (field, messages) in Describe(service).Problems())
                {
                    problems[$"{prefix}.services[{s}].{field}"] = messages;
                }

                if ((service.ServiceAtLocations ?? []).Any(link => !locationIds.Contains(link.LocationId)))
                {
                    problems[$"{prefix}.services[{s}].service_at_locations"] = ["Ein Angebot verweist auf einen Ort, den die Organisation nicht hat."];
                }
            }
        }

        return problems;
    }

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
}
