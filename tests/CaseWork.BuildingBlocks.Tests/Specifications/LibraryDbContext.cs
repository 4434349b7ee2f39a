using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Specifications;

/// <summary>
/// A test-only store for the specification tests. It uses the same provider choice and conventions as the real
/// stores (so DateTimeOffset ordering on SQLite goes through the same converter), but is created from its model:
/// it is not a module store and has no migrations.
/// </summary>
internal sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
{
    private static readonly StoreDescriptor Store = new("library", "library");

    public DbSet<Author> Authors => Set<Author>();

    public DbSet<Book> Books => Set<Book>();

    public static LibraryDbContext Create(DatabaseOptions database) =>
        new(StoreOptions.For<LibraryDbContext>(database, Store));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        StoreConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (!Database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(Store.Schema);
        }

        modelBuilder.Entity<Author>(e =>
        {
            e.ToTable("authors");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Name).HasMaxLength(100);
            e.HasMany(a => a.Books).WithOne(b => b.Author).HasForeignKey(b => b.AuthorId);
        });
        modelBuilder.Entity<Book>(e =>
        {
            e.ToTable("books");
            e.Property(b => b.Id).ValueGeneratedNever();
            e.Property(b => b.Title).HasMaxLength(100);
            e.Property(b => b.Genre).HasMaxLength(20);
        });
    }
}
