using System.Globalization;
using System.Text;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Figures;

/// <summary>
/// The office's month per language, for funding reports: requests, filled and unfilled, fill rate, median time to fill,
/// confirmed jobs and hours; and the workload per interpreter. Counts only — no client, no case.
/// </summary>
internal sealed record OfficeFigures(int Year, int Month) : IQuery<Figures>;

internal sealed record LanguageFigures(string Language, int Requests, int Filled, int Unfilled, int Cancelled, double? FillRate,
    double? MedianHoursToFill, int ConfirmedJobs, decimal ConfirmedHours);

internal sealed record WorkloadLine(Guid InterpreterId, string DisplayName, int Jobs, decimal Hours);

internal sealed record Figures(int Year, int Month, IReadOnlyList<LanguageFigures> Languages, IReadOnlyList<WorkloadLine> Workload)
{
    public IEnumerable<LanguageFigures> UnmetDemand => Languages.Where(l => l.Unfilled > 0).OrderByDescending(l => l.Unfilled);

    public string ToCsv()
    {
        var csv = new StringBuilder("language;requests;filled;unfilled;cancelled;fill_rate;median_hours_to_fill;confirmed_jobs;confirmed_hours\n");
        foreach (var l in Languages)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{l.Language};{l.Requests};{l.Filled};{l.Unfilled};{l.Cancelled};{l.FillRate:0.00};{l.MedianHoursToFill:0.0};{l.ConfirmedJobs};{l.ConfirmedHours:0.00}\n");
        }

        return csv.ToString();
    }
}

internal sealed class OfficeFiguresHandler(InterpreterBookingDbContext db) : IQueryHandler<OfficeFigures, Figures>
{
    public async Task<Result<Figures>> Handle(OfficeFigures query, CancellationToken cancellationToken)
    {
        if (query.Month is < 1 or > 12 || query.Year is < 2000 or > 2100)
        {
            return Error.Validation("month", "Give a month 1–12 of a year 2000–2100.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(BookingPolicy.DefaultTimeZone);
        var first = new DateTime(query.Year, query.Month, 1);
        var from = new DateTimeOffset(first, zone.GetUtcOffset(first));
        var next = new DateTime(query.Year, query.Month, 1).AddMonths(1);
        var to = new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
        from = from.ToUniversalTime();
        var requests = await db.Requests.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Start >= from && r.Start < to)
            .Select(r => new { r.Language, r.State, r.CreatedAt, r.FilledAt })
            .ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.Start >= from && b.Start < to && b.State == BookingState.Confirmed)
            .Select(b => new ConfirmedJob(b.Language, b.InterpreterId, b.ActualStart, b.ActualEnd))
            .ToListAsync(cancellationToken);
        var languages = requests.Select(r => r.Language).Union(bookings.Select(b => b.Language)).Distinct().Order(StringComparer.Ordinal);
        var lines = languages.Select(language =>
        {
            var mine = requests.Where(r => r.Language == language).ToList();
            var filled = mine.Count(r => r.State == RequestState.Filled);
            var unfilled = mine.Count(r => r.State == RequestState.Unfilled);
            var decided = filled + unfilled;
            var toFill = mine.Where(r => r.FilledAt is not null).Select(r => (r.FilledAt!.Value - r.CreatedAt).TotalHours).Order().ToList();
            var jobs = bookings.Where(b => b.Language == language).ToList();
            return new LanguageFigures(
                language, mine.Count, filled, unfilled, mine.Count(r => r.State == RequestState.Cancelled),
                decided == 0 ? null : (double)filled / decided,
                toFill.Count == 0 ? null : toFill[toFill.Count / 2],
                jobs.Count, jobs.Sum(Hours));
        }).ToList();
        var ids = bookings.Select(b => b.InterpreterId).Distinct().ToList();
        var names = await db.Interpreters.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var workload = bookings.GroupBy(b => b.InterpreterId)
            .Select(g => new WorkloadLine(g.Key.Value, names.GetValueOrDefault(g.Key, "?"), g.Count(), g.Sum(Hours)))
            .OrderByDescending(w => w.Hours)
            .ToList();
        return new Figures(query.Year, query.Month, lines, workload);

        static decimal Hours(ConfirmedJob b) => b.ActualStart is { } s && b.ActualEnd is { } e ? decimal.Round((decimal)(e - s).TotalHours, 2) : 0m;
    }

    private sealed record ConfirmedJob(string Language, BuildingBlocks.Ids.UserId InterpreterId, DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd);
}

internal static class OfficeFiguresEndpoint
{
    public static void Map(RouteGroupBuilder coordinator)
    {
        coordinator.MapGet("/figures/{year:int}/{month:int}", async (int year, int month, IQueryHandler<OfficeFigures, Figures> handler, CancellationToken ct) =>
            (await handler.Handle(new OfficeFigures(year, month), ct)).ToHttpResult());
        coordinator.MapGet("/figures/{year:int}/{month:int}.csv", async (int year, int month, IQueryHandler<OfficeFigures, Figures> handler, CancellationToken ct) =>
            (await handler.Handle(new OfficeFigures(year, month), ct)).ToHttpResult(f =>
                TypedResults.File(Encoding.UTF8.GetBytes(f.ToCsv()), "text/csv", $"sprachmittlung-{year}-{month:00}.csv")));
    }
}
