using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.Clients.Domain;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence;

/// <summary>The Clients module's own store: schema <c>clients</c> (file <c>clients.db</c> on SQLite).</summary>
internal sealed class ClientsDbContext(DbContextOptions<ClientsDbContext> options)
    : ModuleDbContext(options)
{
    public const string SearchKeyTrigramIndex = "ix_clients_search_key_trgm";

    public static readonly StoreDescriptor StoreDescriptor = new("clients", "clients") { UsesEfSqliteFunctions = false };

    public override StoreDescriptor Store => StoreDescriptor;

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientSearchTerm> SearchTerms => Set<ClientSearchTerm>();

    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();

    public DbSet<CaseNote> Notes => Set<CaseNote>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<ImportantDate> ImportantDates => Set<ImportantDate>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<AnonymousContact> AnonymousContacts => Set<AnonymousContact>();

    public DbSet<OfficeRetentionSetting> RetentionSettings => Set<OfficeRetentionSetting>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        base.ConfigureModule(modelBuilder);
        if (Database.IsNpgsql())
        {
            // Name search on PostgreSQL is LIKE '% term%' over the normalised key, served by a trigram index (ADR 0012).
            modelBuilder.HasPostgresExtension("pg_trgm");
            modelBuilder.Entity<Client>().HasIndex(c => c.SearchKey).HasDatabaseName(SearchKeyTrigramIndex)
                .HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await SyncSearchTermsAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("The Clients store is saved asynchronously only (search terms are kept in step on save).");

    /// <summary>Keeps <see cref="ClientSearchTerm"/> rows equal to the terms of each added or renamed client's search key.</summary>
    private async Task SyncSearchTermsAsync(CancellationToken cancellationToken)
    {
        var changed = ChangeTracker.Entries<Client>()
            .Where(e => e.State == EntityState.Added
                        || (e.State == EntityState.Modified && e.Property(c => c.SearchKey).IsModified))
            .ToList();
        foreach (var entry in changed)
        {
            var client = entry.Entity;
            var wanted = client.SearchKey.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var existing = entry.State == EntityState.Added
                ? []
                : await SearchTerms.IgnoreQueryFilters().Where(t => t.ClientId == client.Id).ToListAsync(cancellationToken);
            SearchTerms.RemoveRange(existing.Where(t => !wanted.Contains(t.Term)));
            var have = existing.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            SearchTerms.AddRange(wanted.Where(t => !have.Contains(t))
                .Select(t => new ClientSearchTerm { ClientId = client.Id, OfficeId = client.OfficeId, Term = t }));
        }
    }
}
