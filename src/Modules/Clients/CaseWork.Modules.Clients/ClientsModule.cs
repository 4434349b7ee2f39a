using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Api;
using CaseWork.Modules.Clients.Features.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Directory;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.Clients;

/// <summary>The entry type of the Clients module (schema <c>clients</c>).</summary>
public sealed class ClientsModule : IModule
{
    /// <inheritdoc />
    public string Name => ClientsContract.ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Klient*innen";

    /// <inheritdoc />
    public string TitleEn => "Clients";

    /// <inheritdoc />
    public StoreDescriptor Store => ClientsDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(ClientsDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("/Clients", "Klient*innen", "Clients", [Roles.Streetworker, Roles.Supervisor]),
    ];

    /// <inheritdoc />
    public string? StartPagePanel => ViewComponents.ClientsStartPanel.Name;

    /// <inheritdoc />
    public Task SeedDemoDataAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken) =>
        Infrastructure.Demo.ClientsDemoData.SeedAsync(office, services, cancellationToken);

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<ClientsDbContext>(ClientsDbContext.StoreDescriptor);
        services.AddModuleMessaging<ClientsDbContext>(typeof(ClientsModule).Assembly);
        services.AddScoped<ClientAccess>();
        services.AddScoped<ClientAudit>();
        services.AddScoped<DuplicateFinder>();
        services.AddScoped<ClientAnonymiser>();
        services.AddScoped<IClientDirectory, ClientDirectory>();
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/clients").WithTags(Name).RequireAuthorization();
        ClientEndpoints.Map(api);
        api.MapOutboxInspection<ClientsDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz) =>
        quartz.AddModuleJob<AnonymiseDueCaseFilesJob>(Name, AnonymiseDueCaseFilesJob.Name, JobSchedule.Cron("0 30 2 * * ?", OfficeCalendar.TimeZone));
}
