using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Appointments.Domain;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence;

/// <summary>The Appointments module's own store: schema <c>appointments</c> (file <c>appointments.db</c> on SQLite).</summary>
internal sealed class AppointmentsDbContext(DbContextOptions<AppointmentsDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("appointments", "appointments");

    public override StoreDescriptor Store => StoreDescriptor;

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentWorker> AppointmentWorkers => Set<AppointmentWorker>();

    public DbSet<AppointmentClient> AppointmentClients => Set<AppointmentClient>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<OfficeSettings> OfficeSettings => Set<OfficeSettings>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
}
