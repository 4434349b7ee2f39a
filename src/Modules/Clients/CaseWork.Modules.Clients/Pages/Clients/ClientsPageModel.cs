using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>What the Clients pages share: turning a use case's error into form errors or the right status page.</summary>
internal abstract class ClientsPageModel(IStringLocalizer<ModuleText> text) : PageModel
{
    protected IStringLocalizer<ModuleText> Text { get; } = text;

    /// <summary>
    /// Shows a failed use case: field messages next to their fields (matched by the last segment of the field path,
    /// e.g. <c>Details.GivenNames</c> → <c>Form.GivenNames</c>), everything else in the summary. Not found and
    /// forbidden become the status pages, so another office's client looks exactly like a missing one.
    /// </summary>
    protected IActionResult? ShowError(Error error, string formPrefix, IReadOnlyCollection<string> formFields)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(formFields);
        switch (error.Kind)
        {
            case ErrorKind.NotFound:
                return NotFound();
            case ErrorKind.Forbidden:
                return Forbid();
            case ErrorKind.Conflict:
                ModelState.AddModelError(string.Empty, Text["Jemand anderes hat diesen Eintrag inzwischen geändert. Bitte laden Sie die Seite neu und tragen Sie Ihre Änderung noch einmal ein."]);
                return null;
        }

        if (error.FieldErrors is { Count: > 0 } fields)
        {
            foreach (var (path, messages) in fields)
            {
                var last = path.Split('.', '[')[^1].TrimEnd(']');
                var field = formFields.FirstOrDefault(f => string.Equals(f, last, StringComparison.OrdinalIgnoreCase));
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field is null ? string.Empty : $"{formPrefix}.{field}", Text[message]);
                }
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, Text[error.Message]);
        }

        return null;
    }

    protected static IReadOnlyList<string> SplitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
