using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Appointments.Infrastructure.Persistence;

/// <summary>The Appointments module's own store: schema <c>appointments</c> (file <c>appointments.db</c> on SQLite).</summary>
internal sealed class AppointmentsDbContext(DbContextOptions<AppointmentsDbContext> options, ICurrentUser? currentUser = null)
    : ModuleDbContext(options, currentUser)
{
    public static readonly StoreDescriptor StoreDescriptor = new("appointments", "appointments");

    public override StoreDescriptor Store => StoreDescriptor;
}
