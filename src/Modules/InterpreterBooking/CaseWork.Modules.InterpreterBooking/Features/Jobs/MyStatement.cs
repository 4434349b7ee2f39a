using System.Globalization;
using System.Text;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Jobs;

/// <summary>
/// The signed-in interpreter's monthly statement: confirmed jobs and billable late cancellations, each priced at the rates of
/// the office it was for, with a subtotal per office (each office pays its own part).
/// </summary>
internal sealed record MyStatement(int Year, int Month) : IQuery<Statement>;

internal sealed record StatementLine(DateTimeOffset Start, string OfficeName, string Language, Modality Modality, decimal Hours, int TravelMinutes,
    decimal Kilometres, bool LateCancellation, Money Fee);

/// <summary>What one office owes for the month.</summary>
internal sealed record OfficeSubtotal(string OfficeName, int Jobs, Money Fee);

internal sealed record Statement(int Year, int Month, string InterpreterName, IReadOnlyList<StatementLine> Lines, Money Total)
{
    /// <summary>The lines summed per office, in the order the offices first appear: each office is invoiced for its own part.</summary>
    public IReadOnlyList<OfficeSubtotal> Offices =>
        [.. Lines.GroupBy(l => l.OfficeName, StringComparer.Ordinal)
            .Select(g => new OfficeSubtotal(g.Key, g.Count(), g.Aggregate(Money.Zero(Total.Currency), (sum, l) => sum.Add(l.Fee))))];

    public string ToCsv()
    {
        var csv = new StringBuilder("date;office;language;modality;hours;travel_minutes;km;late_cancellation;fee;currency\n");
        foreach (var l in Lines)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{l.Start:yyyy-MM-dd HH:mm};{Escape(l.OfficeName)};{l.Language};{l.Modality};{l.Hours:0.00};{l.TravelMinutes};{l.Kilometres:0.0};{(l.LateCancellation ? "yes" : "no")};{l.Fee.Amount:0.00};{l.Fee.Currency}\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"total;;;;;;;;{Total.Amount:0.00};{Total.Currency}\n");
        return csv.ToString();
    }

    private static string Escape(string value) => value.Contains(';', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
        ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : value;
}

internal sealed class MyStatementHandler(InterpreterBookingDbContext db, ICurrentUser user, IOfficeDirectory offices) : IQueryHandler<MyStatement, Statement>
{
    public async Task<Result<Statement>> Handle(MyStatement query, CancellationToken cancellationToken)
    {
        if (query.Month is < 1 or > 12 || query.Year is < 2000 or > 2100)
        {
            return Error.Validation("month", "Give a month 1–12 of a year 2000–2100.");
        }

        var profile = user.UserId is { } me ? await db.Interpreters.AsNoTracking().FirstOrDefaultAsync(p => p.Id == me, cancellationToken) : null;
        if (profile is null)
        {
            return Error.NotFound("profile-not-found", "You have no interpreter profile.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(BookingPolicy.DefaultTimeZone);
        var from = new DateTimeOffset(new DateTime(query.Year, query.Month, 1), zone.GetUtcOffset(new DateTime(query.Year, query.Month, 1)));
        var next = new DateTime(query.Year, query.Month, 1).AddMonths(1);
        var to = new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
        from = from.ToUniversalTime();
        var bookings = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.InterpreterId == profile.Id && b.Start >= from && b.Start < to
                        && (b.State == BookingState.Confirmed || (b.State == BookingState.Cancelled && b.Billable)))
            .OrderBy(b => b.Start)
            .ToListAsync(cancellationToken);
        var names = await OfficeNames.ResolveAsync(offices, bookings.Select(b => b.OfficeId), cancellationToken);

        // Each job at the rates of the office it was for (ADR 0038), also of a membership that has ended since (ADR 0048): its row
        // and rates are kept.
        var terms = await db.PoolMemberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.InterpreterId == profile.Id)
            .ToDictionaryAsync(m => m.OfficeId, m => m.Fees, cancellationToken);
        var lines = bookings.Select(b => new StatementLine(
            b.Start, names[b.OfficeId], b.Language, b.Modality,
            decimal.Round((decimal)((b.ActualEnd ?? b.End) - (b.ActualStart ?? b.Start)).TotalHours, 2), b.TravelMinutes, b.Kilometres,
            b.State == BookingState.Cancelled, b.Fee(terms.GetValueOrDefault(b.OfficeId, FeeRates.None)))).ToList();
        var total = lines.Aggregate(Money.Zero(FeeRates.None.Currency), (sum, l) => sum.Add(l.Fee));
        return new Statement(query.Year, query.Month, profile.DisplayName, lines, total);
    }
}

internal static class MyStatementEndpoint
{
    public static void Map(RouteGroupBuilder interpreter)
    {
        interpreter.MapGet("/statements/{year:int}/{month:int}", async (int year, int month, IQueryHandler<MyStatement, Statement> handler, CancellationToken ct) =>
            (await handler.Handle(new MyStatement(year, month), ct)).ToHttpResult());
        interpreter.MapGet("/statements/{year:int}/{month:int}.csv", async (int year, int month, IQueryHandler<MyStatement, Statement> handler, CancellationToken ct) =>
            (await handler.Handle(new MyStatement(year, month), ct)).ToHttpResult(s =>
                TypedResults.File(Encoding.UTF8.GetBytes(s.ToCsv()), "text/csv", $"abrechnung-{year}-{month:00}.csv")));
    }
}
