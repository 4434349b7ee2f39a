using System.Data.Common;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;

namespace CaseWork.Modules.InterpreterBooking.Features.Shared;

/// <summary>
/// The module's hand-written reads (ADR 0041, 0053): a command on the context's own connection, in its transaction
/// (<see cref="StoreSql.WithCommandAsync{T}"/>), every row mapped.
/// </summary>
internal static class HandWrittenRead
{
    /// <summary>Runs <paramref name="sql"/> with its <paramref name="parameters"/> and maps every row it returns.</summary>
    public static Task<List<T>> ReadRowsAsync<T>(
        InterpreterBookingDbContext db, string sql, Action<DbCommand> parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken) =>
        StoreSql.WithCommandAsync(db, async command =>
        {
            command.CommandText = sql;
            parameters(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }

            return rows;
        }, cancellationToken);
}
