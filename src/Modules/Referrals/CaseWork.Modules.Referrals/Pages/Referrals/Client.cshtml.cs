using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.ClientReferrals;
using CaseWork.Modules.Referrals.Features.Refer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>A client's referrals, with the way to a new one; the Clients case file links here.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class ClientModel(
    IQueryHandler<PrepareReferral, ReferralDraftView> prepare,
    IQueryHandler<ListClientReferrals, IReadOnlyList<ClientReferralItem>> list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    /// <summary>Set after a draft was discarded on the refer page.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Discarded { get; set; }

    public ReferralDraftView? Client { get; private set; }

    public IReadOnlyList<ClientReferralItem> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var client = await prepare.Handle(new PrepareReferral(ClientId, null), cancellationToken);
        if (!client.IsSuccess)
        {
            return client.Error.Kind == ErrorKind.NotFound ? NotFound() : StatusCode(Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict);
        }

        Client = client.Value;
        var result = await list.Handle(new ListClientReferrals(ClientId), cancellationToken);
        Referrals = result.IsSuccess ? result.Value : [];
        return Page();
    }
}
