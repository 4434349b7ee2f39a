using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

/// <summary>The InterpreterBooking module's own store: schema <c>interpreter_booking</c> (file <c>interpreter_booking.db</c> on SQLite).</summary>
internal sealed class InterpreterBookingDbContext(DbContextOptions<InterpreterBookingDbContext> options, ICurrentUser? currentUser = null)
    : ModuleDbContext(options, currentUser)
{
    public static readonly StoreDescriptor StoreDescriptor = new("interpreter_booking", "interpreter_booking");

    public override StoreDescriptor Store => StoreDescriptor;
}
