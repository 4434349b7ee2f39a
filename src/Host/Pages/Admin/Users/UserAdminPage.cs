using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CaseWork.Host.Pages.Admin.Users;

/// <summary>Shared by the user administration pages: role names, dates in the office's time zone, and a failed change's messages in the form.</summary>
internal abstract class UserAdminPage(IStringLocalizer<SharedResource> text, IOfficeDirectory offices) : PageModel
{
    private TimeZoneInfo? _zone;

    /// <summary>A role as the office reads it (German key, English in the resource).</summary>
    public static string RoleLabel(string role) => role switch
    {
        Roles.Streetworker => "Streetwork / Beratung",
        Roles.Interpreter => "Sprachmittlung",
        Roles.Supervisor => "Teamleitung",
        Roles.Administrator => "Administration",
        Roles.Partner => "Partnerorganisation",
        _ => role,
    };

    /// <summary>An instant in the office's time zone, as "05.12.2026 14:30".</summary>
    public string LocalTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, _zone ?? TimeZoneInfo.Utc).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The messages a field got, or null.</summary>
    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    protected async Task LoadOfficeZoneAsync(CancellationToken cancellationToken)
    {
        if (HttpContext.RequestServices.GetRequiredService<ICurrentUser>().OfficeId is { } office
            && await offices.GetOfficeAsync(office, cancellationToken) is { } info)
        {
            _zone = TimeZoneInfo.TryFindSystemTimeZoneById(info.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
        }
    }

    /// <summary>Puts a failed change's messages into the form (German keys, translated) and sets the status that says what happened.</summary>
    protected void ShowErrors(Error error, string prefix)
    {
        ArgumentNullException.ThrowIfNull(error);
        Response.StatusCode = error.Kind switch
        {
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => Response.StatusCode,
        };
        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]> { [""] = [error.Message] })
        {
            foreach (var message in messages)
            {
                var name = field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];
                ModelState.AddModelError(name.Length == 0 || prefix.Length == 0 ? name : $"{prefix}.{name}", text[message]);
            }
        }
    }
}
