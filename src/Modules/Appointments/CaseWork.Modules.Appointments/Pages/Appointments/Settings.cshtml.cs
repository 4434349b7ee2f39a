using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Appointments.Features.OfficeSetup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Appointments.Pages.Appointments;

/// <summary>The office's reminder offsets, quiet hours, office hours, phone and rooms. Staff read; supervisors and administrators change.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor + "," + Roles.Administrator)]
internal sealed class SettingsModel(
    IQueryHandler<GetOfficeSetup, OfficeSetupView> get,
    ICommandHandler<UpdateOfficeSetup, int> update,
    ICommandHandler<AddRoom, Guid> addRoom) : PageModel
{
    [BindProperty] public string TimeZone { get; set; } = "Europe/Berlin";
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Offsets { get; set; }
    [BindProperty] public TimeOnly QuietFrom { get; set; }
    [BindProperty] public TimeOnly QuietUntil { get; set; }
    [BindProperty] public TimeOnly OpenFrom { get; set; }
    [BindProperty] public TimeOnly OpenUntil { get; set; }
    [BindProperty] public List<int> OpenDays { get; set; } = [];
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? RoomName { get; set; }

    public IReadOnlyList<RoomLine> Rooms { get; private set; } = [];

    public bool CanChange => User.IsInRole(Roles.Supervisor) || User.IsInRole(Roles.Administrator);

    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        await LoadAsync(fill: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await update.Handle(new UpdateOfficeSetup(TimeZone, Phone, Offsets, QuietFrom, QuietUntil, OpenFrom, OpenUntil, OpenDays, Version), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { saved = true });
        }

        result.Error.AddTo(ModelState, "");
        await LoadAsync(fill: false, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRoomAsync(CancellationToken cancellationToken)
    {
        if (!CanChange)
        {
            return Forbid();
        }

        var result = await addRoom.Handle(new AddRoom(RoomName ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { saved = true });
        }

        result.Error.AddTo(ModelState, "Room");
        await LoadAsync(fill: true, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(bool fill, CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetOfficeSetup(), cancellationToken);
        if (!result.IsSuccess)
        {
            return;
        }

        var s = result.Value;
        Rooms = s.Rooms;
        if (fill)
        {
            (TimeZone, Phone, Offsets, QuietFrom, QuietUntil, OpenFrom, OpenUntil, OpenDays, Version) =
                (s.TimeZone, s.Phone, s.ClientReminderOffsets, s.QuietFrom, s.QuietUntil, s.OpenFrom, s.OpenUntil, [.. s.OpenDays], s.Version);
        }
    }
}
