using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Administrators keep the directory: HSDS import (paste or upload) and exports.</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class AdminModel(
    ICommandHandler<ImportDirectory, DirectoryImported> import,
    IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationSummary>> organisations) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    [BindProperty]
    public string? Document { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public DirectoryImported? Imported { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var text = Document;
        if (Upload is { Length: > 0 })
        {
            using var reader = new StreamReader(Upload.OpenReadStream());
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        HsdsDirectory? directory;
        try
        {
            directory = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<HsdsDirectory>(text, Hsds.Json);
        }
        catch (JsonException ex)
        {
            ModelState.AddModelError(nameof(Document), $"Kein gültiges HSDS-JSON: {ex.Message}");
            return Page();
        }

        if (directory is null)
        {
            ModelState.AddModelError(nameof(Document), "Bitte ein HSDS-Dokument einfügen oder hochladen.");
            return Page();
        }

        var result = await import.Handle(new ImportDirectory(directory), cancellationToken);
        if (!result.IsSuccess)
        {
            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] })
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(nameof(Document), $"{field}: {message}");
                }
            }

            return Page();
        }

        Imported = result.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await organisations.Handle(new ListOrganisations(), cancellationToken);
        Organisations = result.IsSuccess ? result.Value : [];
    }
}
