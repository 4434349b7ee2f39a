using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>The publishing test module, registered exactly as a real module registers itself.</summary>
internal sealed class SenderModule : IModule
{
    public string Name => "TestSender";

    public StoreDescriptor Store => SenderDbContext.StoreDescriptor;

    public Type DbContextType => typeof(SenderDbContext);

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    /// <summary>Both test modules share the test assembly; each takes only the types in its own namespace.</summary>
    public static bool IsPartOfModule(Type type) =>
        type.Namespace?.StartsWith(typeof(SenderModule).Namespace!, StringComparison.Ordinal) == true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<SenderDbContext>(SenderDbContext.StoreDescriptor);
        services.AddModuleMessaging<SenderDbContext>(typeof(SenderModule).Assembly, IsPartOfModule);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/test-sender").MapOutboxInspection<SenderDbContext>();

    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
