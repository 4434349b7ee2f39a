using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>The office's appointment settings; an office that never saved any gets the defaults (added, saved with the caller's change).</summary>
internal sealed class OfficeRules(AppointmentsDbContext db, IOfficeDirectory offices)
{
    public async Task<OfficeSettings> ForAsync(OfficeId office, CancellationToken cancellationToken)
    {
        var settings = db.OfficeSettings.Local.FirstOrDefault(s => s.OfficeId == office)
                       ?? await db.OfficeSettings.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.OfficeId == office, cancellationToken);
        if (settings is null)
        {
            var info = await offices.GetOfficeAsync(office, cancellationToken);
            settings = OfficeSettings.DefaultFor(office, info?.TimeZone);
            db.OfficeSettings.Add(settings);
        }

        return settings;
    }
}
