using System.Linq.Expressions;

namespace CaseWork.BuildingBlocks.Specifications;

/// <summary>
/// A reusable query over <typeparamref name="T"/>: filters (ANDed), one ordering chain, paging, includes and
/// tracking. Shaped like Ardalis.Specification (<c>Query.Where(...).OrderBy(...)</c>) so a later swap is mechanical.
/// Evaluate it with the EF Core evaluator in the infrastructure, or in memory with <see cref="InMemorySpecificationEvaluator"/>.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public abstract class Specification<T>
    where T : class
{
    private readonly List<Expression<Func<T, bool>>> _criteria = [];
    private readonly List<OrderExpression<T>> _orderBy = [];
    private readonly List<Expression<Func<T, object?>>> _includes = [];
    private readonly List<string> _includePaths = [];

    /// <summary>Creates the specification; derived classes describe the query through <see cref="Query"/>.</summary>
    protected Specification() => Query = new SpecificationBuilder<T>(this);

    /// <summary>The builder that derived specifications use in their constructor.</summary>
    protected SpecificationBuilder<T> Query { get; }

    /// <summary>The filters; all of them must hold.</summary>
    public IReadOnlyList<Expression<Func<T, bool>>> Criteria => _criteria;

    /// <summary>The ordering chain: the first entry is the primary order, the rest are then-by.</summary>
    public IReadOnlyList<OrderExpression<T>> OrderBy => _orderBy;

    /// <summary>Navigations to load with the entity.</summary>
    public IReadOnlyList<Expression<Func<T, object?>>> Includes => _includes;

    /// <summary>Navigation paths ("Notes.Author") to load with the entity.</summary>
    public IReadOnlyList<string> IncludePaths => _includePaths;

    /// <summary>How many results to skip (paging).</summary>
    public int? Skip { get; internal set; }

    /// <summary>How many results to take at most (paging).</summary>
    public int? Take { get; internal set; }

    /// <summary>Whether the results are read-only (not tracked for changes).</summary>
    public bool AsNoTracking { get; internal set; }

    internal void AddCriterion(Expression<Func<T, bool>> criterion) => _criteria.Add(criterion);

    internal void AddOrder(OrderExpression<T> order) => _orderBy.Add(order);

    internal void AddInclude(Expression<Func<T, object?>> include) => _includes.Add(include);

    internal void AddIncludePath(string path) => _includePaths.Add(path);

    /// <summary>Whether <paramref name="entity"/> satisfies all criteria (for rules checked in memory).</summary>
    public bool IsSatisfiedBy(T entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return _criteria.All(c => c.Compile()(entity));
    }
}

/// <summary>A specification that projects each result to <typeparamref name="TResult"/>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <typeparam name="TResult">The projected type.</typeparam>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    /// <summary>The projection, set with <see cref="Select"/>.</summary>
    public Expression<Func<T, TResult>>? Selector { get; private set; }

    /// <summary>Sets the projection.</summary>
    protected void Select(Expression<Func<T, TResult>> selector) =>
        Selector = selector ?? throw new ArgumentNullException(nameof(selector));
}

/// <summary>One step of an ordering chain.</summary>
/// <param name="KeySelector">The key selector, kept untyped so one chain can mix key types (it is not boxed: its return type is the key's).</param>
/// <param name="Descending">Whether the order is descending.</param>
public sealed record OrderExpression<T>(LambdaExpression KeySelector, bool Descending);
