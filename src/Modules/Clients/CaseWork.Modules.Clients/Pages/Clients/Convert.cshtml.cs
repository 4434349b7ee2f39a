using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.AnonymousContacts;
using CaseWork.Modules.Clients.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>Turns an anonymous first contact into a client record once the person gives their name; the contact's history moves along.</summary>
[Authorize(Roles = Roles.Streetworker)]
internal sealed class ConvertModel(
    IQueryHandler<ListAnonymousContacts, IReadOnlyList<AnonymousContactView>> list,
    ICommandHandler<ConvertAnonymousContact, ClientRef> convert,
    IStringLocalizer<ModuleText> text) : ClientsPageModel(text)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public AnonymousContactView? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } missing)
        {
            return missing;
        }

        Version = Contact!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await convert.Handle(new ConvertAnonymousContact(Id, Version, Form.ToInput()), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/Clients/CaseFile/{result.Value.ClientId}?registered=1");
        }

        if (ShowError(result.Error!, nameof(Form), ClientForm.Fields) is { } status)
        {
            return status;
        }

        return await LoadAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var contacts = await list.Handle(new ListAnonymousContacts(IncludeConverted: false, Limit: 500), cancellationToken);
        Contact = contacts.IsSuccess ? contacts.Value.FirstOrDefault(c => c.Id == Id) : null;
        return Contact is null ? NotFound() : null;
    }
}
