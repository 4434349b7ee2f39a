using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Modules;

namespace CaseWork.Host.Pages;

/// <summary>The host's own pages (not a module's): in the layout's menu and on the start page for the roles they name.</summary>
internal static class HostNavigation
{
    public static IReadOnlyList<NavigationEntry> Entries { get; } =
    [
        new("/Admin/Users", "Benutzer*innen", "Users", [Roles.Administrator]),
        new("/Admin/System", "Systemstatus", "System status", [Roles.Administrator]),
    ];
}
