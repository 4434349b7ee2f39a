using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.Modules.Appointments.Features;
using CaseWork.Modules.Appointments.Features.Shared;
using CaseWork.Modules.Appointments.Infrastructure.Channels;
using CaseWork.Modules.Appointments.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.Appointments;

/// <summary>The entry type of the Appointments module (schema <c>appointments</c>).</summary>
public sealed class AppointmentsModule : IModule
{
    /// <inheritdoc />
    public string Name => AppointmentsContract.ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Termine";

    /// <inheritdoc />
    public string TitleEn => "Appointments";

    /// <inheritdoc />
    public StoreDescriptor Store => AppointmentsDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(AppointmentsDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [new("/Appointments", "Termine", "Appointments", [Roles.Streetworker, Roles.Supervisor])];

    /// <inheritdoc />
    public string? StartPagePanel => Features.Today.AppointmentsPanel.Name;

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<AppointmentsDbContext>(AppointmentsDbContext.StoreDescriptor);
        services.AddModuleMessaging<AppointmentsDbContext>(typeof(AppointmentsModule).Assembly);
        services.AddMvcCore().ConfigureApplicationPartManager(parts => parts.FeatureProviders.Add(new Features.Today.InternalViewComponentProvider()));
        services.AddScoped<ClientLookup>();
        services.AddScoped<OfficeRules>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<ChannelStatus>();
        services.Configure<SmsGatewayOptions>(configuration.GetSection(SmsGatewayOptions.Section));
        services.AddHttpClient(ReminderDispatcher.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/appointments").WithTags(Name).RequireAuthorization();
        AppointmentEndpoints.Map(api);
        api.MapOutboxInspection<AppointmentsDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz) =>
        quartz.AddModuleJob<SendDueRemindersJob>(Name, "send-due-reminders", JobSchedule.Every(TimeSpan.FromSeconds(15)));
}
