using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Infrastructure.Messaging;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Infrastructure.Scheduling;
using CaseWork.Modules.InterpreterBooking.Contracts;
using CaseWork.Modules.InterpreterBooking.Features.Calendar;
using CaseWork.Modules.InterpreterBooking.Features.Figures;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Features.Requests;
using CaseWork.Modules.InterpreterBooking.Features.Settings;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CaseWork.Modules.InterpreterBooking;

/// <summary>The entry type of the InterpreterBooking module (schema <c>interpreter_booking</c>).</summary>
public sealed class InterpreterBookingModule : IModule
{
    private const string ModuleName = InterpreterBookingContract.ModuleName;

    /// <inheritdoc />
    public string Name => ModuleName;

    /// <inheritdoc />
    public string TitleDe => "Sprachmittlung";

    /// <inheritdoc />
    public string TitleEn => "Interpreter booking";

    /// <inheritdoc />
    public StoreDescriptor Store => InterpreterBookingDbContext.StoreDescriptor;

    /// <inheritdoc />
    public Type DbContextType => typeof(InterpreterBookingDbContext);

    /// <inheritdoc />
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new("/InterpreterBooking/Portal", "Meine Einsätze", "My jobs", [Roles.Interpreter]),
        new("/InterpreterBooking/Requests", "Sprachmittlung", "Interpreters", [Roles.Streetworker, Roles.Supervisor]),
        new("/InterpreterBooking/Pool", "Sprachmittler*innen", "Interpreter pool", [Roles.Streetworker, Roles.Supervisor]),
        new("/InterpreterBooking/Settings", "Regeln der Sprachmittlung", "Interpreter booking rules", [Roles.Administrator]),
    ];

    /// <inheritdoc />
    public string? StartPagePanel => ViewComponents.InterpreterStartPanel.Name;

    /// <inheritdoc />
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCaseWorkStore<InterpreterBookingDbContext>(InterpreterBookingDbContext.StoreDescriptor);
        services.AddModuleMessaging<InterpreterBookingDbContext>(typeof(InterpreterBookingModule).Assembly);
        services.AddScoped<BookingWriter>();
        services.AddScoped<ClientFacts>();
        services.AddScoped<OfferRound>();
        services.AddSingleton<ParsedProfiles>();
        services.AddScoped<InterpreterNotifier>();
        services.AddScoped<RequestCancellation>();
        services.AddScoped<ExclusionGuard>();
        services.AddScoped<PoolLeaving>();
        services.AddScoped<AppointmentDistrict>();
    }

    /// <inheritdoc />
    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/interpreter-booking").WithTags(Name).RequireAuthorization();
        api.MapOutboxInspection<InterpreterBookingDbContext>().RequireAuthorization(policy => policy.RequireRole(Roles.Administrator));

        // An interpreter only ever reaches their own offers and jobs; these handlers filter by the signed-in user.
        var interpreter = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Interpreter));
        MyOffersEndpoint.Map(interpreter);
        AcceptOfferEndpoint.Map(interpreter);
        DeclineOfferEndpoint.Map(interpreter);
        MyJobsEndpoint.Map(interpreter);
        ReconfirmBookingEndpoint.Map(interpreter);
        RecordJobEndpoint.Map(interpreter);
        MyStatementEndpoint.Map(interpreter);
        MyAvailabilityEndpoint.Map(interpreter);
        CalendarFeedEndpoints.MapForInterpreter(interpreter);
        PoolInvitationEndpoints.MapForInterpreter(interpreter);
        LeavePoolEndpoints.MapForInterpreter(interpreter);
        CalendarFeedEndpoints.MapFeed(api);

        // Coordinators: the office's streetworkers and supervisors (ADR 0019); the office filter scopes every query.
        var coordinator = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Streetworker, Roles.Supervisor));
        CreateRequestEndpoint.Map(coordinator);
        ListRequestsEndpoint.Map(coordinator);
        GetRequestEndpoint.Map(coordinator);
        AssignInterpreterEndpoint.Map(coordinator);
        ChangeRequestEndpoints.Map(coordinator);
        ConfirmJobEndpoint.Map(coordinator);
        ListPoolEndpoint.Map(coordinator);
        SaveInterpreterEndpoint.Map(coordinator);
        PoolInvitationEndpoints.MapForCoordinator(coordinator);
        LeavePoolEndpoints.MapForCoordinator(coordinator);
        ConflictEndpoints.Map(coordinator);
        OfficeFiguresEndpoint.Map(coordinator);

        // The office's booking policy: coordinators and administrators read it, supervisors and administrators change it (ADR 0036).
        var settings = api.MapGroup("").RequireAuthorization(policy => policy.RequireRole(Roles.Streetworker, Roles.Supervisor, Roles.Administrator));
        BookingPolicyEndpoints.Map(settings);
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddModuleJob<EscalateOffersJob>(ModuleName, "escalate-offers", JobSchedule.Every(TimeSpan.FromMinutes(1)));

        // Interpreters accept in minutes: their mails go out within about ten seconds of the commit (ADR 0036).
        quartz.AddModuleJob<SendInterpreterNotificationsJob>(ModuleName, "send-notifications", JobSchedule.Every(TimeSpan.FromSeconds(10)));
    }

    /// <inheritdoc />
    public Task SeedDemoDataAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken) =>
        DemoData.SeedAsync(office, services, cancellationToken);
}
