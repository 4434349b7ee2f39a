using System.Text.Json;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.Directory;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>Administrators keep the directory: HSDS JSON or CSV import (paste or upload) and exports.</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class AdminModel(
    ICommandHandler<ImportDirectory, DirectoryImported> import,
    ICommandHandler<ImportDirectoryCsv, DirectoryImported> importCsv,
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
        byte[]? content = null;
        var isCsv = false;
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > DirectoryCsvReader.MaxBytes)
            {
                ModelState.AddModelError(nameof(Document), "Die Datei ist größer als 5 MB.");
                return Page();
            }

            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            isCsv = Upload.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || Upload.ContentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase);
        }
        else if (!string.IsNullOrWhiteSpace(Document))
        {
            content = System.Text.Encoding.UTF8.GetBytes(Document);
        }

        if (content is null)
        {
            ModelState.AddModelError(nameof(Document), "Bitte ein HSDS-Dokument (JSON) oder die CSV-Datei einfügen oder hochladen.");
            return Page();
        }

        // Without a .csv name: JSON starts with "{"; the CSV export starts with its header.
        isCsv = isCsv || LooksLikeCsv(content);
        Result<DirectoryImported> result;
        if (isCsv)
        {
            result = await importCsv.Handle(new ImportDirectoryCsv(content), cancellationToken);
        }
        else
        {
            HsdsDirectory? directory;
            try
            {
                directory = JsonSerializer.Deserialize<HsdsDirectory>(content, Hsds.Json);
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

            result = await import.Handle(new ImportDirectory(directory), cancellationToken);
        }

        if (!result.IsSuccess)
        {
            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [result.Error.Message] })
            {
                foreach (var message in messages)
                {
                    // The CSV's messages name row and column themselves.
                    ModelState.AddModelError(nameof(Document), isCsv || field.Length == 0 ? message : $"{field}: {message}");
                }
            }

            return Page();
        }

        Imported = result.Value;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static bool LooksLikeCsv(byte[] content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 64)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.StartsWith("organization_id", StringComparison.Ordinal) || (text.Length > 0 && text[0] != '{' && text[0] != '[');
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await organisations.Handle(new ListOrganisations(), cancellationToken);
        Organisations = result.IsSuccess ? result.Value : [];
    }
}
