using System.Security.Cryptography;
using System.Text;
using CaseWork.BuildingBlocks.Calendars;
using CaseWork.BuildingBlocks.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Features.Calendar;

/// <summary>Gives the signed-in interpreter a new secret feed address; the previous one stops working at once.</summary>
internal sealed record OpenCalendarFeed : ICommand<OpenedCalendarFeed>;

/// <summary>The feed's address, shown once: only the token's hash is stored (as for Appointments' feeds, ADR 0015).</summary>
internal sealed record OpenedCalendarFeed(string Path);

/// <summary>Turns the interpreter's feed off.</summary>
internal sealed record RevokeCalendarFeed : ICommand<Unit>;

/// <summary>Whether the signed-in interpreter has a feed address that works, so the page can say so.</summary>
internal sealed record MyCalendarFeed : IQuery<bool>;

/// <summary>The interpreter's jobs as an iCalendar, by the secret token; anonymous (calendar apps cannot sign in).</summary>
internal sealed record GetInterpreterCalendar(string Token) : IQuery<string>;

internal static class CalendarTokens
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PathFor(string token) => $"/api/interpreter-booking/calendar/{token}.ics";
}

internal sealed class OpenCalendarFeedHandler(InterpreterBookingDbContext db, ICurrentUser user) : ICommandHandler<OpenCalendarFeed, OpenedCalendarFeed>
{
    public async Task<Result<OpenedCalendarFeed>> Handle(OpenCalendarFeed command, CancellationToken cancellationToken)
    {
        var profile = user.UserId is { } me ? await db.Interpreters.FirstOrDefaultAsync(p => p.Id == me, cancellationToken) : null;
        if (profile is null)
        {
            return Error.NotFound("profile-not-found", "You are not in any office's interpreter pool.");
        }

        var token = CalendarTokens.NewToken();
        profile.CalendarToken = CalendarTokens.Hash(token);
        return new OpenedCalendarFeed(CalendarTokens.PathFor(token));
    }
}

internal sealed class MyCalendarFeedHandler(InterpreterBookingDbContext db, ICurrentUser user) : IQueryHandler<MyCalendarFeed, bool>
{
    public async Task<Result<bool>> Handle(MyCalendarFeed query, CancellationToken cancellationToken)
    {
        var token = user.UserId is { } me
            ? await db.Interpreters.Where(p => p.Id == me).Select(p => p.CalendarToken).FirstOrDefaultAsync(cancellationToken)
            : null;
        return token is null
            ? Error.NotFound("profile-not-found", "You are not in any office's interpreter pool.")
            : token.Length > 0;
    }
}

internal sealed class RevokeCalendarFeedHandler(InterpreterBookingDbContext db, ICurrentUser user) : ICommandHandler<RevokeCalendarFeed, Unit>
{
    public async Task<Result<Unit>> Handle(RevokeCalendarFeed command, CancellationToken cancellationToken)
    {
        var profile = user.UserId is { } me ? await db.Interpreters.FirstOrDefaultAsync(p => p.Id == me, cancellationToken) : null;
        if (profile is null)
        {
            return Error.NotFound("profile-not-found", "You are not in any office's interpreter pool.");
        }

        profile.CalendarToken = "";
        return Unit.Value;
    }
}

/// <summary>
/// Jobs from 30 days back to a year ahead, across the interpreter's offices. Cancelled jobs stay in the feed as CANCELLED so
/// calendar apps remove them. The feed shows no client at all; the place only while the job's details are visible.
/// </summary>
internal sealed class GetInterpreterCalendarHandler(InterpreterBookingDbContext db, IOfficeDirectory offices, TimeProvider clock)
    : IQueryHandler<GetInterpreterCalendar, string>
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(BookingPolicy.DefaultTimeZone);

    public async Task<Result<string>> Handle(GetInterpreterCalendar query, CancellationToken cancellationToken)
    {
        var hash = CalendarTokens.Hash(query.Token);
        var interpreter = await db.Interpreters.AsNoTracking()
            .Where(p => p.CalendarToken == hash)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (interpreter is null)
        {
            return Error.NotFound("feed-not-found", "The calendar feed does not exist.");
        }

        var now = clock.GetUtcNow();
        var from = now.AddDays(-30);
        var until = now.AddDays(366);
        // The token is the key, so the read crosses offices, limited to this interpreter's own bookings.
        var rows = await db.Bookings.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.InterpreterId == interpreter.Id && b.End > from && b.Start < until)
            .Join(db.Requests.IgnoreQueryFilters(), b => b.RequestId, r => r.Id, (b, r) => new { Booking = b, r.Place })
            .OrderBy(x => x.Booking.Start)
            .Take(2000)
            .ToListAsync(cancellationToken);
        var names = await OfficeNames.ResolveAsync(offices, rows.Select(x => x.Booking.OfficeId), cancellationToken);
        var policies = new Dictionary<OfficeId, BookingPolicy>();
        var events = new List<CalendarEvent>();
        foreach (var row in rows)
        {
            var b = row.Booking;
            if (!policies.TryGetValue(b.OfficeId, out var policy))
            {
                policy = policies[b.OfficeId] = await db.PolicyForAsync(b.OfficeId, cancellationToken);
            }

            var language = LanguageCatalog.Find(b.Language)?.NameDe ?? b.Language;
            var modality = b.Modality switch { Modality.InPerson => "vor Ort", Modality.Phone => "Telefon", _ => "Video" };
            var summary = $"Sprachmittlung {language}{(b.Dialect is null ? "" : " (" + b.Dialect + ")")}, {modality} – {names[b.OfficeId]}";
            var status = b.State switch
            {
                BookingState.Cancelled => "CANCELLED",
                BookingState.AwaitingReconfirmation => "TENTATIVE",
                _ => "CONFIRMED",
            };
            var description = b.State == BookingState.AwaitingReconfirmation ? "Neue Zeit bitte im Portal bestätigen. / Please reconfirm the new time in the portal." : null;
            events.Add(new CalendarEvent(
                b.Id, b.Version, TimeZoneInfo.ConvertTime(b.Start, Zone).DateTime, TimeZoneInfo.ConvertTime(b.End, Zone).DateTime, b.BookedAt,
                summary, b.DetailsVisible(now, policy) && b.State != BookingState.Cancelled ? row.Place : null, status, description));
        }

        return ICalendarWriter.Write("InterpreterBooking", "Sprachmittlung – " + interpreter.DisplayName, events);
    }
}

internal static class CalendarFeedEndpoints
{
    public static void MapForInterpreter(RouteGroupBuilder interpreter)
    {
        interpreter.MapPost("/calendar", async (ICommandHandler<OpenCalendarFeed, OpenedCalendarFeed> handler, CancellationToken ct) =>
            (await handler.Handle(new OpenCalendarFeed(), ct)).ToHttpResult(v => TypedResults.Created(v.Path, v)));
        interpreter.MapPost("/calendar/revoke", async (ICommandHandler<RevokeCalendarFeed, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new RevokeCalendarFeed(), ct)).ToHttpResult(_ => TypedResults.NoContent()));
    }

    public static void MapFeed(RouteGroupBuilder api) =>
        api.MapGet("/calendar/{token}.ics", async (string token, IQueryHandler<GetInterpreterCalendar, string> handler, CancellationToken ct) =>
            (await handler.Handle(new GetInterpreterCalendar(token), ct)).ToHttpResult(ics => TypedResults.Text(ics, "text/calendar; charset=utf-8")))
            .AllowAnonymous();
}
