using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Partner;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>A partner contact's list of referrals to their organisation.</summary>
[Authorize(Roles = Roles.Partner)]
internal sealed class PartnerModel(IQueryHandler<ListPartnerReferrals, IReadOnlyList<PartnerReferralItem>> list) : PageModel
{
    public IReadOnlyList<PartnerReferralItem> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.Handle(new ListPartnerReferrals(), cancellationToken);
        Referrals = result.IsSuccess ? result.Value : [];
    }
}
