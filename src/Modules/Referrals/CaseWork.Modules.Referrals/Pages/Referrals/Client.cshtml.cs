using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.ClientReferrals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>A client's referrals; the Clients case file links here.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class ClientModel(IQueryHandler<ListClientReferrals, IReadOnlyList<ClientReferralItem>> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    public IReadOnlyList<ClientReferralItem> Referrals { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await list.Handle(new ListClientReferrals(ClientId), cancellationToken);
        Referrals = result.IsSuccess ? result.Value : [];
    }
}
