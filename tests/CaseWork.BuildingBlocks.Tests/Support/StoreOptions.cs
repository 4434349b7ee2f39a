using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Support;

/// <summary>Options for creating a context by hand (outside DI), configured by the one provider switch.</summary>
internal static class StoreOptions
{
    public static DbContextOptions<TContext> For<TContext>(DatabaseOptions database, StoreDescriptor store)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseCaseWorkStore(database, store);
        return builder.Options;
    }
}
