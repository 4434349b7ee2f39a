using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.AnonymousContacts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>Anonymous first contacts from outreach work: logged with a nickname, later converted into a client record.</summary>
[Authorize(Roles = Roles.Streetworker)]
internal sealed class ContactsModel(
    ICommandHandler<LogAnonymousContact, AnonymousContactRef> log,
    IQueryHandler<ListAnonymousContacts, IReadOnlyList<AnonymousContactView>> list,
    IStringLocalizer<ModuleText> text) : ClientsPageModel(text)
{
    private static readonly string[] FormFields = ["Nickname", "RoughAge", "Topics", "Place", "MetOn", "Note"];

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "saved")]
    public bool Saved { get; set; }

    public IReadOnlyList<AnonymousContactView> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await log.Handle(
            new LogAnonymousContact(Contact.Nickname, Contact.RoughAge, Contact.Topics, Contact.Place, Contact.MetOn, Contact.Note), cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect("/Clients/Contacts?saved=true");
        }

        return ShowError(result.Error!, nameof(Contact), FormFields) ?? await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var result = await list.Handle(new ListAnonymousContacts(IncludeConverted: true, Limit: 100), cancellationToken);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!, "", []) ?? Page();
        }

        Contacts = result.Value;
        return Page();
    }

    internal sealed class ContactForm
    {
        public string? Nickname { get; set; }

        public int? RoughAge { get; set; }

        public List<string> Topics { get; set; } = [];

        public string? Place { get; set; } = "Street";

        public DateOnly? MetOn { get; set; }

        public string? Note { get; set; }
    }
}
