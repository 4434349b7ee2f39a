using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Drafts;
using CaseWork.Modules.Referrals.Features.OpenReferrals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>
/// The worker's view: their drafts and open referrals (or the office's, <c>?mine=false</c>), by pseudonym code; the code
/// links to the case file, where a supervisor gives a reason before seeing the name.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class OpenModel(
    IQueryHandler<ListMyDrafts, IReadOnlyList<DraftListItem>> drafts,
    IQueryHandler<ListOpenReferrals, IReadOnlyList<OpenReferralItem>> open) : PageModel
{
    /// <summary>Only the signed-in worker's referrals (the default for streetworkers; supervisors see the office's).</summary>
    [BindProperty(SupportsGet = true)]
    public bool? Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; }

    public bool OnlyMine => Mine ?? !User.IsInRole(Roles.Supervisor);

    public IReadOnlyList<DraftListItem> Drafts { get; private set; } = [];

    public IReadOnlyList<OpenReferralItem> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (PageNumber is < 0 or > 10_000)
        {
            return BadRequest();
        }

        var mine = await drafts.Handle(new ListMyDrafts(), cancellationToken);
        Drafts = mine.IsSuccess ? mine.Value : [];
        var list = await open.Handle(new ListOpenReferrals(OnlyMine, PageNumber), cancellationToken);
        Referrals = list.IsSuccess ? list.Value : [];
        return Page();
    }
}
