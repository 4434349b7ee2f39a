using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>Helpers for the hand-written, provider-neutral migrations (ADR 0006).</summary>
public static class MigrationColumnExtensions
{
    /// <summary>
    /// Marks an integer key column as database-generated on both providers: an identity column on PostgreSQL,
    /// AUTOINCREMENT on SQLite. Each provider ignores the other's annotation, so one migration serves both.
    /// </summary>
    public static OperationBuilder<TOperation> AutoIncrement<TOperation>(this OperationBuilder<TOperation> column)
        where TOperation : Microsoft.EntityFrameworkCore.Migrations.Operations.MigrationOperation
    {
        ArgumentNullException.ThrowIfNull(column);
        return column
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation("Sqlite:Autoincrement", true);
    }
}
