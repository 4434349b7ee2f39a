using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>The office's follow-up of referrals: reminder, expiry, agency links, and the Land whose holidays are not working days.</summary>
[Authorize(Roles = Roles.Supervisor + "," + Roles.Administrator)]
internal sealed class SettingsModel(
    IQueryHandler<GetReferralSettings, ReferralSettingsView> get,
    ICommandHandler<UpdateReferralSettings, ReferralSettingsView> update) : DirectoryPageModel
{
    [BindProperty] public int ReminderAfterWorkingDays { get; set; }
    [BindProperty] public int ExpiryAfterDays { get; set; }
    [BindProperty] public int AgencyLinkDays { get; set; }
    [BindProperty] public string? Land { get; set; }
    [BindProperty] public int Version { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        Saved = saved;
        var result = await get.Handle(new GetReferralSettings(), cancellationToken);
        if (!result.IsSuccess)
        {
            return Forbid();
        }

        (ReminderAfterWorkingDays, ExpiryAfterDays, AgencyLinkDays, Land, Version) = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await update.Handle(new UpdateReferralSettings(ReminderAfterWorkingDays, ExpiryAfterDays, AgencyLinkDays, Land, Version), cancellationToken);
        if (result.IsSuccess)
        {
            return RedirectToPage(new { saved = true });
        }

        if (result.Error.Kind == ErrorKind.Conflict)
        {
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict;
        }

        ShowErrors(result.Error, "");
        return Page();
    }
}
