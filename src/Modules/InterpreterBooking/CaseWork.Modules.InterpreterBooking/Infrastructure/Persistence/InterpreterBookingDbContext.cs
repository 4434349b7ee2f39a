using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

/// <summary>The InterpreterBooking module's own store: schema <c>interpreter_booking</c> (file <c>interpreter_booking.db</c> on SQLite).</summary>
internal sealed class InterpreterBookingDbContext(DbContextOptions<InterpreterBookingDbContext> options)
    : ModuleDbContext(options)
{
    public static readonly StoreDescriptor StoreDescriptor = new("interpreter_booking", "interpreter_booking");

    public override StoreDescriptor Store => StoreDescriptor;

    /// <summary>Profiles are not office-scoped: an interpreter serves several offices; queries go through <see cref="PoolMemberships"/>.</summary>
    public DbSet<InterpreterProfile> Interpreters => Set<InterpreterProfile>();

    public DbSet<PoolMembership> PoolMemberships => Set<PoolMembership>();

    public DbSet<PoolInvitation> PoolInvitations => Set<PoolInvitation>();

    public DbSet<ConflictOfInterest> ConflictsOfInterest => Set<ConflictOfInterest>();

    public DbSet<BookingPolicy> Policies => Set<BookingPolicy>();

    public DbSet<InterpreterRequest> Requests => Set<InterpreterRequest>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<Booking> Bookings => Set<Booking>();

    /// <summary>Emails to interpreters, sent after the commit by the sweep (ADR 0036).</summary>
    public DbSet<InterpreterNotification> Notifications => Set<InterpreterNotification>();

    public async Task<BookingPolicy> PolicyForAsync(BuildingBlocks.Ids.OfficeId office, CancellationToken cancellationToken) =>
        await PolicyQuery.For(this)(this, office, cancellationToken) ?? BookingPolicy.Default(office);

    /// <summary>Compiled once: nearly every booking handler and the interpreter's job list read the office's policy.</summary>
    private static readonly PerModel<Func<InterpreterBookingDbContext, BuildingBlocks.Ids.OfficeId, CancellationToken, Task<BookingPolicy?>>> PolicyQuery = new(() =>
        EF.CompileAsyncQuery((InterpreterBookingDbContext db, BuildingBlocks.Ids.OfficeId office, CancellationToken _) =>
            db.Policies.IgnoreQueryFilters().AsNoTracking().FirstOrDefault(p => p.OfficeId == office)));

    /// <summary>The acting office's requests (tracked) in which the client takes part, open or closed.</summary>
    public async Task<List<InterpreterRequest>> RequestsWithClientAsync(Guid client, CancellationToken cancellationToken)
    {
        // The client list is a JSON column: filter by text, then check exactly in memory.
        var table = Model.FindEntityType(typeof(InterpreterRequest))!.GetSchemaQualifiedTableName();
        var sql = "SELECT * FROM " + table + " WHERE client_ids LIKE {0}"; // the table name is the model's; the pattern is a parameter
        var requests = await Requests
            .FromSqlRaw(sql, "%" + client + "%")
            .ToListAsync(cancellationToken);
        return requests.Where(r => r.ClientIds.Contains(client)).ToList();
    }
}
