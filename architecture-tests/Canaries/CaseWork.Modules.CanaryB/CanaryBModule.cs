using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.CanaryB.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.CanaryB;

/// <summary>The entry type of the violating canary module.</summary>
public sealed class CanaryBModule : IModule
{
    public string Name => "CanaryB";

    public StoreDescriptor Store => CanaryBDbContext.StoreDescriptor;

    public Type DbContextType => typeof(CanaryBDbContext);

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Violation: registered with a copy-pasted store, so the migrations history lands in schema "public".
        services.AddCaseWorkStore<CanaryBDbContext>(new StoreDescriptor("canary_b", "public"));
        services.AddModuleMessaging<CanaryBDbContext>(typeof(CanaryBModule).Assembly);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}

/// <summary>Violation: a second public type in a module assembly.</summary>
public static class LeakedHelper
{
    public static string Describe() => "leaked";
}
