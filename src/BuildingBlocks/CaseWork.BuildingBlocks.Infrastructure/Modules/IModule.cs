using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.BuildingBlocks.Infrastructure.Modules;

/// <summary>
/// The one public entry type of a module: everything the host needs to compose it — its name and schema, its
/// services, API endpoints, pages, scheduled jobs and migrations. The host lists the modules explicitly.
/// </summary>
public interface IModule
{
    /// <summary>The module name (e.g. "Clients"); also its configuration key <c>Modules:&lt;Name&gt;:Enabled</c> and its job group.</summary>
    string Name { get; }

    /// <summary>The module's name as German users read it (e.g. "Klient*innen"); defaults to <see cref="Name"/>.</summary>
    string TitleDe => Name;

    /// <summary>The module's name as English users read it (e.g. "Clients"); defaults to <see cref="Name"/>.</summary>
    string TitleEn => Name;

    /// <summary>The store the module owns: SQLite file name and PostgreSQL schema.</summary>
    Persistence.StoreDescriptor Store { get; }

    /// <summary>The module's DbContext type; the host applies its migrations at start-up.</summary>
    Type DbContextType { get; }

    /// <summary>Menu entries of the module's pages, shown in the layout to the roles given.</summary>
    IReadOnlyList<NavigationEntry> Navigation { get; }

    /// <summary>Registers the module's services (DbContext, handlers, event subscriptions, options).</summary>
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>Maps the module's JSON API under <c>/api/&lt;module&gt;</c>.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>
    /// Name of a view component in the module's assembly that the start page renders for signed-in users (e.g. "my goals
    /// due this week"); it decides itself what to show for the user's roles. Null: the module adds nothing to the start page.
    /// </summary>
    string? StartPagePanel => null;

    /// <summary>Adds the module's scheduled jobs to the host's one scheduler (group = module name).</summary>
    void AddJobs(IQuartzBuilder quartz);

    /// <summary>
    /// Adds demo data for a freshly seeded demo office (first start of a non-production installation only), so a newcomer
    /// sees the module working. Runs in its own scope, acting for the demo office. Default: nothing.
    /// </summary>
    Task SeedDemoDataAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The demo office the host just seeded, for the modules' demo data.</summary>
/// <param name="OfficeId">The office.</param>
/// <param name="TimeZone">Its IANA time zone.</param>
/// <param name="Users">The demo users: role name to user id and display name.</param>
public sealed record DemoOffice(
    CaseWork.BuildingBlocks.Ids.OfficeId OfficeId,
    string TimeZone,
    IReadOnlyDictionary<string, DemoUser> Users);

/// <summary>A demo user.</summary>
public sealed record DemoUser(CaseWork.BuildingBlocks.Ids.UserId Id, string UserName, string DisplayName);

/// <summary>A link in the layout's menu.</summary>
/// <param name="Path">The page path, e.g. <c>/Clients</c>.</param>
/// <param name="TitleDe">German title (shown first).</param>
/// <param name="TitleEn">English title.</param>
/// <param name="Roles">Roles that see the link.</param>
public sealed record NavigationEntry(string Path, string TitleDe, string TitleEn, IReadOnlyList<string> Roles);
