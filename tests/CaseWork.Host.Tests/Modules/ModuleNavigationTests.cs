using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Quartz;

namespace CaseWork.Host.Tests.Modules;

/// <summary>Modules plug their pages into the layout: menu entries and start-page tiles, shown only to the roles they name.</summary>
public sealed class ModuleNavigationTests
{
    [Fact]
    public async Task A_module_s_navigation_shows_in_the_layout_and_on_the_start_page_for_its_roles_only()
    {
        using var directory = new TempDataDirectory();
        await using var factory = new CaseWorkHostFactory(TestDatabases.Sqlite(directory.Path))
        {
            ConfigureTestServices = services =>
            {
                var real = (IReadOnlyList<IModule>)services.Last(d => d.ServiceType == typeof(IReadOnlyList<IModule>)).ImplementationInstance!;
                services.AddSingleton<IReadOnlyList<IModule>>([.. real, new NavigationOnlyModule()]);
            },
        };

        using var streetworker = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(streetworker, DemoUsers.Streetworker);
        var streetworkerStart = await streetworker.GetStringAsync("/");
        Assert.Contains("href=\"/Fallakten\"", streetworkerStart, StringComparison.Ordinal);
        Assert.Contains(">Fallakten<", streetworkerStart, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Berichte\"", streetworkerStart, StringComparison.Ordinal);

        using var supervisor = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await SignIn.AsAsync(supervisor, DemoUsers.Supervisor);
        var supervisorStart = await supervisor.GetStringAsync("/");
        Assert.Contains("href=\"/Berichte\"", supervisorStart, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Fallakten\"", supervisorStart, StringComparison.Ordinal);
    }

    /// <summary>A stand-in module that only contributes menu entries.</summary>
    private sealed class NavigationOnlyModule : IModule
    {
        public string Name => "NavigationProbe";

        public StoreDescriptor Store { get; } = new("navigation_probe", "navigation_probe");

        public Type DbContextType => typeof(object);

        public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [
            new("/Fallakten", "Fallakten", "Case files", [Roles.Streetworker]),
            new("/Berichte", "Berichte", "Reports", [Roles.Supervisor]),
        ];

        public void AddServices(IServiceCollection services, IConfiguration configuration)
        {
        }

        public void MapEndpoints(IEndpointRouteBuilder endpoints)
        {
        }

        public void AddJobs(IQuartzBuilder quartz)
        {
        }
    }
}
