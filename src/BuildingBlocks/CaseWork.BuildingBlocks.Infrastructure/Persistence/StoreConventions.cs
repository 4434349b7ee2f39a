using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Model conventions every CaseWork store shares, whichever provider it runs on.</summary>
public static class StoreConventions
{
    /// <summary>Applies the conventions; call from <c>ConfigureConventions</c>.</summary>
    public static void Apply(ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        ArgumentNullException.ThrowIfNull(database);
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantTextConverter>();
        }
    }
}
