using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CaseWork.Modules.Appointments.Features.Shared;

/// <summary>The office's appointment settings; an office that never saved any gets the defaults (added, saved with the caller's change).</summary>
internal sealed class OfficeRules(AppointmentsDbContext db, IOfficeDirectory offices, IMemoryCache cache)
{
    /// <summary>How long a read keeps an office's clock: a changed time zone reaches other host instances within this.</summary>
    internal static readonly TimeSpan ClockKeptFor = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The office's clock for reads that only place times in its zone (agenda, preparation list): kept for
    /// <see cref="ClockKeptFor"/>, so the hottest reads skip a round trip; writes that apply the rules use <see cref="ForAsync"/>.
    /// </summary>
    public async Task<OfficeClock> ClockAsync(OfficeId office, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(ClockKey(office), out OfficeClock? kept) && kept is not null)
        {
            return kept;
        }

        var zone = await db.OfficeSettings.IgnoreQueryFilters().AsNoTracking().Where(s => s.OfficeId == office).Select(s => s.TimeZone)
                       .FirstOrDefaultAsync(cancellationToken)
                   ?? (await offices.GetOfficeAsync(office, cancellationToken))?.TimeZone;
        var clock = zone is not null && OfficeClock.TryFind(zone, out var found) ? found : OfficeClock.Berlin;
        cache.Set(ClockKey(office), clock, ClockKeptFor);
        return clock;
    }

    /// <summary>The office's calendar date at <paramref name="now"/>: "today" on its pages. Without an office, Berlin's.</summary>
    public async Task<DateOnly> TodayAsync(OfficeId? office, DateTimeOffset now, CancellationToken cancellationToken) =>
        (office is { } known ? await ClockAsync(known, cancellationToken) : OfficeClock.Berlin).DateOf(now);

    /// <summary>Drops this host's kept clock of the office (its settings were just changed).</summary>
    public void ForgetClock(OfficeId office) => cache.Remove(ClockKey(office));

    private static (string, OfficeId) ClockKey(OfficeId office) => ("OfficeClock", office);

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
