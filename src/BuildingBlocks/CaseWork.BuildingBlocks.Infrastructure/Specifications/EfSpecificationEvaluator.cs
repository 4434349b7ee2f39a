using CaseWork.BuildingBlocks.Specifications;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Infrastructure.Specifications;

/// <summary>Evaluates specifications against EF Core: criteria, ordering, paging, projection, includes and tracking.</summary>
public static class EfSpecificationEvaluator
{
    /// <summary>The query for a specification.</summary>
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, Specification<T> specification)
        where T : class => ApplyEfParts(source, specification).ApplySpecification(specification);

    /// <summary>The projected query for a specification.</summary>
    public static IQueryable<TResult> WithSpecification<T, TResult>(this IQueryable<T> source, Specification<T, TResult> specification)
        where T : class => ApplyEfParts(source, specification).ApplySpecification(specification);

    /// <summary>The matching entities.</summary>
    public static Task<List<T>> ListAsync<T>(this IQueryable<T> source, Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class => source.WithSpecification(specification).ToListAsync(cancellationToken);

    /// <summary>The projected results.</summary>
    public static Task<List<TResult>> ListAsync<T, TResult>(this IQueryable<T> source, Specification<T, TResult> specification, CancellationToken cancellationToken = default)
        where T : class => source.WithSpecification(specification).ToListAsync(cancellationToken);

    /// <summary>The first match, or null.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(this IQueryable<T> source, Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class => source.WithSpecification(specification).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many entities match, ignoring ordering and paging (for "page 2 of 7").</summary>
    public static Task<int> CountAsync<T>(this IQueryable<T> source, Specification<T> specification, CancellationToken cancellationToken = default)
        where T : class => source.ApplyCriteria(specification).CountAsync(cancellationToken);

    private static IQueryable<T> ApplyEfParts<T>(IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        var query = specification.AsNoTracking ? source.AsNoTracking() : source;
        query = specification.Includes.Aggregate(query, (q, include) => q.Include(include));
        return specification.IncludePaths.Aggregate(query, (q, path) => q.Include(path));
    }
}
