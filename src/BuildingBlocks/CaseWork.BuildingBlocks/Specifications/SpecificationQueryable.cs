using System.Linq.Expressions;

namespace CaseWork.BuildingBlocks.Specifications;

/// <summary>
/// Applies the provider-neutral parts of a specification (criteria, ordering, paging, projection) to any
/// <see cref="IQueryable{T}"/>. The EF Core evaluator adds includes and tracking on top; the in-memory evaluator uses it as is.
/// </summary>
public static class SpecificationQueryable
{
    /// <summary>Applies criteria only (what a count needs).</summary>
    public static IQueryable<T> ApplyCriteria<T>(this IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        return specification.Criteria.Aggregate(source, (query, criterion) => query.Where(criterion));
    }

    /// <summary>Applies criteria, ordering and paging.</summary>
    public static IQueryable<T> ApplySpecification<T>(this IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        var query = source.ApplyCriteria(specification);
        query = ApplyOrdering(query, specification.OrderBy);

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    /// <summary>Applies criteria, ordering, paging and the projection.</summary>
    public static IQueryable<TResult> ApplySpecification<T, TResult>(this IQueryable<T> source, Specification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Selector is null)
        {
            throw new InvalidOperationException($"{specification.GetType().Name} has no projection; call Select in its constructor.");
        }

        return source.ApplySpecification((Specification<T>)specification).Select(specification.Selector);
    }

    private static IQueryable<T> ApplyOrdering<T>(IQueryable<T> query, IReadOnlyList<OrderExpression<T>> orderBy)
    {
        for (var i = 0; i < orderBy.Count; i++)
        {
            var order = orderBy[i];
            var method = (i == 0, order.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };

            var call = Expression.Call(
                typeof(Queryable),
                method,
                [typeof(T), order.KeySelector.ReturnType],
                query.Expression,
                Expression.Quote(order.KeySelector));
            query = query.Provider.CreateQuery<T>(call);
        }

        return query;
    }
}
