using CaseWork.BuildingBlocks.Calendars;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Features.ViewAppointments;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.CalendarFeeds;

/// <summary>Opens a secret feed address for the current worker's appointments, or for a room's.</summary>
internal sealed record OpenCalendarFeed(Guid? RoomId) : ICommand<OpenedFeed>;

/// <summary>The feed's id (to revoke it) and its address, shown once: only the token's hash is stored.</summary>
internal sealed record OpenedFeed(Guid FeedId, string Path);

internal sealed record RevokeCalendarFeed(Guid FeedId) : ICommand<Unit>;

/// <summary>The calendar behind a token; anonymous (calendar apps cannot sign in). Unknown or revoked tokens are not found.</summary>
internal sealed record GetCalendarFeed(string Token) : IQuery<string>;

/// <summary>The feeds the current worker may see and revoke: their own, and every room feed of the office.</summary>
internal sealed record ListCalendarFeeds : IQuery<IReadOnlyList<CalendarFeedItem>>;

/// <summary>One feed address (its secret is shown only once, when it is opened). <see cref="RoomName"/> is null for the worker's own feed.</summary>
internal sealed record CalendarFeedItem(Guid Id, Guid? RoomId, string? RoomName, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive => RevokedAt is null;
}

internal sealed class ListCalendarFeedsHandler(AppointmentsDbContext db, ICurrentUser user) : IQueryHandler<ListCalendarFeeds, IReadOnlyList<CalendarFeedItem>>
{
    public async Task<Result<IReadOnlyList<CalendarFeedItem>>> Handle(ListCalendarFeeds query, CancellationToken cancellationToken)
    {
        if (user.UserId is not { } me)
        {
            return Error.Forbidden("no-office", "Only staff of an office have calendar feeds.");
        }

        var feeds = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.WorkerId == me || f.RoomId != null)
            .OrderBy(f => f.RevokedAt != null).ThenByDescending(f => f.CreatedAt)
            .Select(f => new { f.Id, f.RoomId, f.CreatedAt, f.RevokedAt })
            .ToListAsync(cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return feeds.Select(f => new CalendarFeedItem(f.Id, f.RoomId, f.RoomId is { } room ? rooms.GetValueOrDefault(room, "?") : null, f.CreatedAt, f.RevokedAt)).ToList();
    }
}

internal sealed class OpenCalendarFeedHandler(AppointmentsDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<OpenCalendarFeed, OpenedFeed>
{
    public async Task<Result<OpenedFeed>> Handle(OpenCalendarFeed command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office || user.UserId is not { } me)
        {
            return Error.Forbidden("no-office", "Only staff of an office open calendar feeds.");
        }

        if (command.RoomId is { } room && !await db.Rooms.AnyAsync(r => r.Id == room, cancellationToken))
        {
            return Error.Validation("roomId", "Unknown room.");
        }

        var (feed, token) = CalendarFeed.Open(office, command.RoomId is null ? me : null, command.RoomId, time.GetUtcNow());
        db.CalendarFeeds.Add(feed);
        return new OpenedFeed(feed.Id, $"/api/appointments/feeds/{token}.ics");
    }
}

internal sealed class RevokeCalendarFeedHandler(AppointmentsDbContext db, ICurrentUser user, TimeProvider time) : ICommandHandler<RevokeCalendarFeed, Unit>
{
    public async Task<Result<Unit>> Handle(RevokeCalendarFeed command, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == command.FeedId, cancellationToken);
        // A worker's feed is theirs to revoke; a room's feed any colleague may revoke.
        if (feed is null || (feed.WorkerId is { } owner && owner != user.UserId))
        {
            return Error.NotFound("feed-not-found", "The calendar feed does not exist.");
        }

        feed.Revoke(time.GetUtcNow());
        return Unit.Value;
    }
}

internal sealed class GetCalendarFeedHandler(AppointmentsDbContext db, IActingOffice acting, TimeProvider time) : IQueryHandler<GetCalendarFeed, string>
{
    public async Task<Result<string>> Handle(GetCalendarFeed query, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.Hash(query.Token);
        // Anonymous: the token is the key, so the lookup crosses offices; everything after it acts for the feed's office.
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return Error.NotFound("feed-not-found", "The calendar feed does not exist.");
        }

        using var office = acting.Enter(feed.OfficeId);
        var now = time.GetUtcNow();
        var from = now.AddDays(-30);
        var until = now.AddDays(366);
        var appointments = db.Appointments.AsNoTracking().Include(a => a.Clients).Where(a => a.Start > from - Appointment.LongestDuration && a.End > from && a.Start < until);
        string name;
        if (feed.RoomId is { } room)
        {
            appointments = appointments.Where(a => a.RoomId == room);
            name = await db.Rooms.Where(r => r.Id == room).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken) ?? "Raum";
        }
        else
        {
            var worker = feed.WorkerId ?? default(UserId);
            appointments = appointments.Where(a => a.Workers.Any(w => w.WorkerId == worker));
            name = "Termine";
        }

        var rooms = await db.Rooms.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var berlin = OfficeClock.Berlin;
        var events = (await appointments.OrderBy(a => a.Start).Take(2000).ToListAsync(cancellationToken)).Select(a => new CalendarEvent(
            a.Id.Value, a.Sequence, berlin.ToLocal(a.Start), berlin.ToLocal(a.End), a.CreatedAt,
            Pages.Appointments.Labels.Kind(Codes.Of(a.Kind)) + (a.Clients.Count == 0 ? "" : " · " + string.Join(", ", a.Clients.Select(c => c.ClientId is null ? "–" : c.PseudonymCode))),
            a.RoomId is { } r && rooms.TryGetValue(r, out var roomName) ? roomName : (a.PlaceKind is PlaceKind.Phone ? "Telefon" : a.PlaceText),
            a.Status switch { AppointmentStatus.Cancelled => "CANCELLED", AppointmentStatus.Planned => "TENTATIVE", _ => "CONFIRMED" }));
        return ICalendarWriter.Write("Appointments", name, events);
    }
}
