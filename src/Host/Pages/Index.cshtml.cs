using System.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.Host.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Pages;

/// <summary>The start page: one panel per role the user has, with the module pages open to that role.</summary>
internal sealed class IndexModel(IdentityStoreDbContext identity, IReadOnlyList<IModule> modules) : PageModel
{
    private static readonly Dictionary<string, (string Heading, string Description)> RolePanels = new()
    {
        [Roles.Streetworker] = ("Meine Fallarbeit", "Klient*innen, Fallakten, Termine und Weitervermittlungen Ihrer Beratungsstelle."),
        [Roles.Interpreter] = ("Meine Einsätze", "Anfragen, die zu Ihren Sprachen passen, und Ihre bestätigten Einsätze."),
        [Roles.Supervisor] = ("Auswertungen", "Wie Weitervermittlungen enden, Wartezeiten und offene Überleitungen – zusammengefasst und pseudonymisiert."),
        [Roles.Administrator] = ("Verwaltung", "Beratungsstellen, Benutzer*innen, Rollen, Partnerverzeichnis und Aufbewahrungsfristen – ohne Einsicht in Fallinhalte."),
        [Roles.Partner] = ("Partnerzugang", "Weitervermittlungen an Ihre Organisation: annehmen, ablehnen, auf die Warteliste setzen, Ergebnis melden – nur mit den freigegebenen Angaben."),
    };

    public string DisplayName { get; private set; } = "";

    public string OfficeName { get; private set; } = "";

    public bool IsGerman => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    public IReadOnlyList<RolePanel> Panels { get; private set; } = [];

    /// <summary>View components the enabled modules contribute to the start page, in module order.</summary>
    public IReadOnlyList<string> ModulePanels { get; } = [.. modules.Select(m => m.StartPagePanel).OfType<string>()];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirst(CaseWorkClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "";
        if (Guid.TryParse(User.FindFirst(CaseWorkClaimTypes.OfficeId)?.Value, out var officeId))
        {
            OfficeName = await identity.Offices.Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        }

        Panels = Roles.All
            .Where(User.IsInRole)
            .Select(role => new RolePanel(
                role,
                RolePanels[role].Heading,
                RolePanels[role].Description,
                HostNavigation.Entries.Concat(modules.SelectMany(m => m.Navigation)).Where(n => n.Roles.Contains(role)).ToList()))
            .ToList();
    }

    internal sealed record RolePanel(string Role, string Heading, string Description, IReadOnlyList<NavigationEntry> Links);
}
