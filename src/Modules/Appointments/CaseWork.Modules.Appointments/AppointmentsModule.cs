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
        services.AddScoped<ClientLookup>();
        services.AddScoped<OfficeRules>();
        services.AddMemoryCache();
        services.AddScoped<StaffNames>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ReminderDispatcher>();
        services.AddScoped<ChannelStatus>();
        services.AddScoped<IAppointmentAttendance, Features.Attendance.AppointmentAttendance>();
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
    public async Task SeedDemoDataAsync(DemoOffice office, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(services);
        if (!office.Users.TryGetValue(Roles.Streetworker, out var worker))
        {
            return;
        }

        var db = services.GetRequiredService<AppointmentsDbContext>();
        var rules = services.GetRequiredService<OfficeRules>();
        var planner = services.GetRequiredService<ReminderPlanner>();
        var clients = services.GetRequiredService<ClientLookup>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var settings = await rules.ForAsync(office.OfficeId, cancellationToken);
        settings.Change(settings.TimeZone, "+49 30 555 0100", settings.ReminderPolicy.Offsets, settings.ReminderPolicy.QuietFrom, settings.ReminderPolicy.QuietUntil, settings.OfficeHours);
        var room = new Domain.Room(office.OfficeId, "Beratungsraum 1");
        db.Rooms.Add(room);
        db.Rooms.Add(new Domain.Room(office.OfficeId, "Beratungsraum 2"));

        // The Clients module's demo clients, if it has any yet; otherwise the demo appointments have no clients.
        var found = await clients.FindAsync(office.OfficeId, "a", cancellationToken);
        var clock = settings.Clock;
        var today = clock.ToLocal(now).Date;
        (int Day, int Hour, Domain.AppointmentKind Kind, Domain.PlaceKind Place, string Text, bool Room, bool Interpreter)[] plan =
        [
            (1, 10, Domain.AppointmentKind.Counselling, Domain.PlaceKind.OfficeRoom, "", true, false),
            (2, 14, Domain.AppointmentKind.Accompaniment, Domain.PlaceKind.Address, "Ausländerbehörde, Zimmer 12", false, true),
            (3, 9, Domain.AppointmentKind.Outreach, Domain.PlaceKind.SharedHousing, "Gemeinschaftsunterkunft Am Park", false, false),
            (6, 11, Domain.AppointmentKind.Counselling, Domain.PlaceKind.Phone, "", false, false),
        ];
        for (var i = 0; i < plan.Length; i++)
        {
            var (day, hour, kind, place, text, inRoom, interpreter) = plan[i];
            var start = clock.ToInstant(today.AddDays(day).AddHours(hour));
            var client = found.Count > i ? new[] { (found[i].ClientId.Value, found[i].PseudonymCode) } : [];
            var appointment = Domain.Appointment.Schedule(office.OfficeId, kind, place, text, inRoom ? room.Id : null, null, interpreter ? "Pass, Bescheid" : null,
                start, start.AddHours(1), client, [worker.Id],
                interpreter ? new Domain.InterpreterRequirement("ar", "Levantine", InterpretingModality.InPerson, null) : null, null, now);
            if (appointment.IsSuccess)
            {
                db.Appointments.Add(appointment.Value);
                await planner.PlanAsync(appointment.Value, settings, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void AddJobs(IQuartzBuilder quartz)
    {
        quartz.AddModuleJob<SendDueRemindersJob>(Name, "send-due-reminders", JobSchedule.Every(TimeSpan.FromSeconds(15)));
        // The workers' day ahead, at 06:30 office time; the sweep sends them within seconds.
        quartz.AddModuleJob<PlanDayAheadMessagesJob>(Name, "plan-day-ahead", JobSchedule.Cron("0 30 6 * * ?", Domain.OfficeClock.Berlin.Zone));
    }
}
