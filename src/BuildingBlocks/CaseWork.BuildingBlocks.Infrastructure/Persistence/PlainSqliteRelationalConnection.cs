using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

#pragma warning disable EF1001 // EF's SQLite connection is internal API: ADR 0046 says why it is subclassed and what guards it.

/// <summary>
/// EF's SQLite connection without EF's SQL functions, for stores that never need them
/// (<see cref="StoreDescriptor.UsesEfSqliteFunctions"/> false). Everything else — opening, transactions, foreign keys,
/// the read-only connection for migrations — is EF's own.
/// </summary>
internal sealed class PlainSqliteRelationalConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection() => new SqliteConnection(GetValidatedConnectionString());
}
