using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.CanaryA.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.CanaryA;

/// <summary>The one public type of the well-behaved canary module.</summary>
public sealed class CanaryAModule : IModule
{
    public string Name => "CanaryA";

    public StoreDescriptor Store => CanaryADbContext.StoreDescriptor;

    public Type DbContextType => typeof(CanaryADbContext);

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddCaseWorkStore<CanaryADbContext>(CanaryADbContext.StoreDescriptor);

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
