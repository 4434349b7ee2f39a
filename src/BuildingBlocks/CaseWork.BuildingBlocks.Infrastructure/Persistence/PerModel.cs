using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CaseWork.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// An EF compiled query (<see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, TResult}})"/>)
/// compiled once per model: a compiled query is bound to the model it first ran against, and one process can hold
/// several (a SQLite and a PostgreSQL host in the same test run or benchmark). Use it for the few statements a page runs
/// on every request, where translating the LINQ tree again costs more than the statement.
/// </summary>
/// <typeparam name="TQuery">The compiled query's delegate type.</typeparam>
public sealed class PerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    /// <summary>The query compiled for <paramref name="db"/>'s model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
