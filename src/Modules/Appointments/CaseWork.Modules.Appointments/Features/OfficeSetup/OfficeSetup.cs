using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Domain;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Features.OfficeSetup;

internal sealed record RoomLine(Guid Id, string Name, bool Active);

/// <summary>The office's appointment settings as the settings page and the API show them.</summary>
internal sealed record OfficeSetupView(
    string TimeZone, string Phone, string ClientReminderOffsets, TimeOnly QuietFrom, TimeOnly QuietUntil, TimeOnly OpenFrom, TimeOnly OpenUntil,
    IReadOnlyList<int> OpenDays, int Version, IReadOnlyList<RoomLine> Rooms);

internal sealed record GetOfficeSetup : IQuery<OfficeSetupView>;

internal sealed record UpdateOfficeSetup(
    string TimeZone, string? Phone, string? ClientReminderOffsets, TimeOnly QuietFrom, TimeOnly QuietUntil, TimeOnly OpenFrom, TimeOnly OpenUntil,
    IReadOnlyList<int>? OpenDays, int Version) : ICommand<int>;

internal sealed record AddRoom(string Name) : ICommand<Guid>;

internal sealed class UpdateOfficeSetupValidator : AbstractValidator<UpdateOfficeSetup>
{
    public UpdateOfficeSetupValidator()
    {
        RuleFor(x => x.TimeZone).Must(z => OfficeClock.TryFind(z, out _)).WithMessage("Unknown time zone.");
        RuleFor(x => x.Phone).MaximumLength(64);
        RuleFor(x => x.ClientReminderOffsets).Must(o => ReminderPolicy.TryParseOffsets(o, out _))
            .WithMessage("Offsets like 1d,2h (days at the same time of day, hours, minutes), at most five.");
        RuleFor(x => x.OpenUntil).GreaterThan(x => x.OpenFrom).WithMessage("Closing must be after opening.");
        RuleFor(x => x.OpenDays).Must(d => d is null || d.All(v => v is >= 1 and <= 7)).WithMessage("Weekdays are 1 (Monday) to 7 (Sunday).");
    }
}

internal sealed class AddRoomValidator : AbstractValidator<AddRoom>
{
    public AddRoomValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(100);
}

internal sealed class GetOfficeSetupHandler(AppointmentsDbContext db, ICurrentUser user, OfficeRules rules) : IQueryHandler<GetOfficeSetup, OfficeSetupView>
{
    public async Task<Result<OfficeSetupView>> Handle(GetOfficeSetup query, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office see its settings.");
        }

        var s = await rules.ForAsync(office, cancellationToken);
        var rooms = await db.Rooms.AsNoTracking().OrderBy(r => r.Name).Select(r => new RoomLine(r.Id, r.Name, r.Active)).ToListAsync(cancellationToken);
        var policy = s.ReminderPolicy;
        var hours = s.OfficeHours;
        return new OfficeSetupView(s.TimeZone, s.Phone, s.ClientReminderOffsets, policy.QuietFrom, policy.QuietUntil, hours.OpenFrom, hours.OpenUntil,
            [.. hours.Days.Select(d => d == DayOfWeek.Sunday ? 7 : (int)d).Order()], s.Version, rooms);
    }
}

internal sealed class UpdateOfficeSetupHandler(AppointmentsDbContext db, ICurrentUser user, OfficeRules rules) : ICommandHandler<UpdateOfficeSetup, int>
{
    public async Task<Result<int>> Handle(UpdateOfficeSetup command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office change its settings.");
        }

        var settings = await rules.ForAsync(office, cancellationToken);
        if (!ReminderPolicy.TryParseOffsets(command.ClientReminderOffsets, out var offsets))
        {
            return Error.Validation("clientReminderOffsets", "Unknown offsets.");
        }

        var isNew = db.Entry(settings).State == EntityState.Added;
        if (!isNew)
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = command.Version;
        }

        settings.Change(command.TimeZone, command.Phone ?? "", offsets, command.QuietFrom, command.QuietUntil,
            new OfficeHours([.. (command.OpenDays ?? [1, 2, 3, 4, 5]).Distinct().Select(d => (DayOfWeek)(d % 7))], command.OpenFrom, command.OpenUntil));
        // This host's agenda reads the new zone from the next request on; other hosts within OfficeRules.ClockKeptFor.
        rules.ForgetClock(office);
        return isNew ? 0 : command.Version + 1;
    }
}

internal sealed class AddRoomHandler(AppointmentsDbContext db, ICurrentUser user) : ICommandHandler<AddRoom, Guid>
{
    public async Task<Result<Guid>> Handle(AddRoom command, CancellationToken cancellationToken)
    {
        if (user.OfficeId is not { } office)
        {
            return Error.Forbidden("no-office", "Only staff of an office add rooms.");
        }

        var name = command.Name.Trim();
        if (await db.Rooms.AnyAsync(r => r.Name == name, cancellationToken))
        {
            return Error.Validation("name", "A room with this name exists.");
        }

        var room = new Room(office, name);
        db.Rooms.Add(room);
        return room.Id;
    }
}
