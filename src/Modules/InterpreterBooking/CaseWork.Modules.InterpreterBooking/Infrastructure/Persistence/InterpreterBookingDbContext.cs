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

    /// <summary>Which client takes part in which request (ADR 0056): derived from the requests' client lists on every save.</summary>
    public DbSet<RequestClient> RequestClients => Set<RequestClient>();

    /// <summary>The acting office's requests (tracked) in which the client takes part, open or closed.</summary>
    public async Task<List<InterpreterRequest>> RequestsWithClientAsync(Guid client, CancellationToken cancellationToken) =>
        await RequestsWithClient(client).ToListAsync(cancellationToken);

    /// <summary>
    /// Looked up by id from the client's rows in <c>request_clients</c>: the client list itself is JSON text, and a search
    /// in it read every request the office ever made (ADR 0056).
    /// </summary>
    internal IQueryable<InterpreterRequest> RequestsWithClient(Guid client)
    {
        var ids = RequestClients.Where(c => c.ClientId == client).Select(c => c.RequestId);
        return Requests.Where(r => ids.Contains(r.Id));
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IndexRequestClients();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IndexRequestClients();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Brings <c>request_clients</c> in line with the client lists being saved: a new request adds a row per client; a changed
    /// list adds the clients it gained and deletes the ones it lost (its value before the change is the list as last read
    /// or saved, which the rows match). Deleted requests take their rows with them (cascade). Rows already tracked (a save
    /// tried again) are reused, not added twice.
    /// </summary>
    private void IndexRequestClients()
    {
        var requests = ChangeTracker.Entries<InterpreterRequest>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(r => r.ClientIds).IsModified))
            .ToList();
        if (requests.Count == 0)
        {
            return;
        }

        var tracked = ChangeTracker.Entries<RequestClient>().ToDictionary(e => (e.Entity.RequestId, e.Entity.ClientId));
        foreach (var entry in requests)
        {
            var request = entry.Entity;
            IReadOnlyCollection<Guid> before = entry.State == EntityState.Added ? [] : entry.Property(r => r.ClientIds).OriginalValue;
            foreach (var gone in before.Except(request.ClientIds))
            {
                if (tracked.TryGetValue((request.Id, gone), out var row))
                {
                    row.State = row.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
                }
                else
                {
                    RequestClients.Attach(new RequestClient(request.Id, gone, request.OfficeId)).State = EntityState.Deleted;
                }
            }

            foreach (var added in request.ClientIds.Except(before))
            {
                if (!tracked.TryGetValue((request.Id, added), out var row))
                {
                    tracked[(request.Id, added)] = RequestClients.Add(new RequestClient(request.Id, added, request.OfficeId));
                }
                else if (row.State is EntityState.Deleted or EntityState.Detached)
                {
                    row.State = row.State == EntityState.Deleted ? EntityState.Unchanged : EntityState.Added;
                }
            }
        }
    }
}
