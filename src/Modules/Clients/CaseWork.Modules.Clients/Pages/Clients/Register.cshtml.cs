using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Clients.Features.RegisterClient;
using CaseWork.Modules.Clients.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>
/// Registration with the duplicate check first: when the person may already have a record, the candidates are shown
/// with why they match, and the worker either opens the existing file or confirms that this is someone else.
/// </summary>
[Authorize(Roles = Roles.Streetworker)]
internal sealed class RegisterModel(ICommandHandler<RegisterClient, RegistrationOutcome> register, IStringLocalizer<ModuleText> text)
    : ClientsPageModel(text)
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    /// <summary>Set by the worker after seeing the candidates: this person is not one of them.</summary>
    [BindProperty]
    public bool ConfirmedNotDuplicate { get; set; }

    /// <summary>The anonymous first contact this registration converts, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? FromContact { get; set; }

    public IReadOnlyList<DuplicateCandidateView> Candidates { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await register.Handle(new RegisterClient(Form.ToInput(), ConfirmedNotDuplicate), cancellationToken);
        if (!result.IsSuccess)
        {
            return ShowError(result.Error!, nameof(Form), ClientForm.Fields) ?? Page();
        }

        if (!result.Value.Registered)
        {
            Candidates = result.Value.Candidates;
            return Page();
        }

        return Redirect($"/Clients/CaseFile/{result.Value.Client!.ClientId}?registered=1");
    }
}
