using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Directory search: services by need, language and place.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor + "," + Roles.Administrator)]
internal sealed class IndexModel(IQueryHandler<SearchServices, IReadOnlyList<ServiceListItem>> search) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Need { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Place { get; set; }

    public IReadOnlyList<ServiceListItem> Services { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await search.Handle(new SearchServices(Need, Language, Place), cancellationToken);
        Services = result.IsSuccess ? result.Value : [];
    }
}
