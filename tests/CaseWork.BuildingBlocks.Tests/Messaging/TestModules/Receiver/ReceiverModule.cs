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

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Receiver;

/// <summary>The receiving test module: two subscribers to the sender's <c>NoteCreated</c>.</summary>
internal sealed class ReceiverModule : IModule
{
    public string Name => "TestReceiver";

    public StoreDescriptor Store => ReceiverDbContext.StoreDescriptor;

    public Type DbContextType => typeof(ReceiverDbContext);

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    public static bool IsPartOfModule(Type type) =>
        type.Namespace?.StartsWith(typeof(ReceiverModule).Namespace!, StringComparison.Ordinal) == true;

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<ReceiverDbContext>(ReceiverDbContext.StoreDescriptor);
        services.AddModuleMessaging<ReceiverDbContext>(typeof(ReceiverModule).Assembly, IsPartOfModule);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api/test-receiver").MapOutboxInspection<ReceiverDbContext>();

    public void AddJobs(IQuartzBuilder quartz)
    {
    }
}
