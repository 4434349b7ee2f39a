using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.TestKit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CaseWork.BuildingBlocks.Tests.Persistence;

/// <summary>
/// Start-up builds every store's relational models before the host uses them (ADR 0054): EF Core builds one on first use,
/// and two first uses at once can make one of them throw. The race itself needs one thread held up between two reads, so
/// it cannot be provoked on demand; these tests hold start-up to building the models, each on a model no other test has
/// touched (its own model cache key).
/// </summary>
public sealed class RelationalModelWarmUpTests
{
    [Fact]
    public async Task Start_up_builds_the_runtime_and_the_design_time_relational_model_of_every_store()
    {
        using var folder = new TempDataDirectory();
        var services = new ServiceCollection();
        services.AddSingleton(new ModelKey(Guid.NewGuid()));
        services.AddDbContext<WarmUpContext>(options => options
            .UseSqlite($"Data Source={Path.Combine(folder.Path, "warm-up.db")}")
            .ReplaceService<IModelCacheKeyFactory, KeyedModels>());
        services.AddSingleton(new MigratedStore(typeof(WarmUpContext), new StoreDescriptor("warm_up", "warm_up")));
        services.AddSingleton<StoreMigrator>();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        await using var provider = services.BuildServiceProvider();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmUpContext>();
            Assert.Null(db.Model.FindRuntimeAnnotationValue(RelationalAnnotationNames.RelationalModel));
            Assert.Null(db.GetService<IDesignTimeModel>().Model.FindRuntimeAnnotationValue(RelationalAnnotationNames.RelationalModel));
        }

        await provider.GetRequiredService<StoreMigrator>().MigrateAllAsync();

        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarmUpContext>();
            Assert.NotNull(db.Model.FindRuntimeAnnotationValue(RelationalAnnotationNames.RelationalModel));
            Assert.NotNull(db.GetService<IDesignTimeModel>().Model.FindRuntimeAnnotationValue(RelationalAnnotationNames.RelationalModel));
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Warm_ups_at_once_all_end_with_the_same_relational_model()
    {
        var key = new ModelKey(Guid.NewGuid());
        var contexts = Enumerable.Range(0, 8).Select(_ => new WarmUpContext(
            new DbContextOptionsBuilder<WarmUpContext>().UseSqlite("Data Source=:memory:").ReplaceService<IModelCacheKeyFactory, KeyedModels>().Options,
            key)).ToList();
        try
        {
            await Task.WhenAll(contexts.Select(db => Task.Run(() => StoreMigrator.BuildRelationalModelsAsync(db, CancellationToken.None))));

            var built = contexts.Select(db => db.Model.FindRuntimeAnnotationValue(RelationalAnnotationNames.RelationalModel)).Distinct().ToList();
            Assert.NotNull(Assert.Single(built));
        }
        finally
        {
            foreach (var db in contexts)
            {
                await db.DisposeAsync();
            }
        }
    }

    private sealed record ModelKey(Guid Value);

    private sealed class WarmUpContext(DbContextOptions<WarmUpContext> options, ModelKey key) : DbContext(options)
    {
        public ModelKey Key { get; } = key;

        public DbSet<Item> Items => Set<Item>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<Item>(item =>
            {
                item.ToTable("items");
                item.HasKey(i => i.Id);
            });
    }

    private sealed class Item
    {
        public int Id { get; set; }

        public string? Name { get; set; }
    }

    /// <summary>One model per test, so no other test has already built its relational model.</summary>
    private sealed class KeyedModels : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((WarmUpContext)context).Key, designTime);
    }
}
