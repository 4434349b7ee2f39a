using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.SearchClients;
using CaseWork.Modules.Clients.Features.WorkerLists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>Client search: a name in any script, a date of birth or a pseudonym code; likely duplicates are flagged.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class IndexModel(
    IQueryHandler<SearchClients, IReadOnlyList<ClientSearchHit>> search,
    IQueryHandler<MyClients, IReadOnlyList<WorkerClientItem>> myClients,
    IStringLocalizer<ModuleText> text)
    : ClientsPageModel(text)
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Term { get; set; }

    public IReadOnlyList<ClientSearchHit>? Hits { get; private set; }

    /// <summary>Without a search: the streetworker's own case files.</summary>
    public IReadOnlyList<WorkerClientItem>? Mine { get; private set; }

    public bool CanRegister => User.IsInRole(Roles.Streetworker);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Term))
        {
            if (CanRegister)
            {
                var mine = await myClients.Handle(new MyClients(), cancellationToken);
                Mine = mine.IsSuccess ? mine.Value : [];
            }

            return Page();
        }

        var result = await search.Handle(new SearchClients(Term.Trim(), 50), cancellationToken);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!, "q", ["Term"]) ?? Page();
        }

        Hits = result.Value;
        return Page();
    }
}
