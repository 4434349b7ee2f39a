using System.Linq.Expressions;

namespace CaseWork.BuildingBlocks.Specifications;

/// <summary>Fluent description of a <see cref="Specification{T}"/>.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class SpecificationBuilder<T>
    where T : class
{
    private readonly Specification<T> _specification;

    internal SpecificationBuilder(Specification<T> specification) => _specification = specification;

    /// <summary>Adds a filter; all filters are ANDed.</summary>
    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criterion)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        _specification.AddCriterion(criterion);
        return this;
    }

    /// <summary>Adds a filter only when <paramref name="condition"/> is true (optional search fields).</summary>
    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criterion, bool condition)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        return condition ? Where(criterion) : this;
    }

    /// <summary>Starts the ordering chain, ascending.</summary>
    public OrderedSpecificationBuilder<T> OrderBy<TKey>(Expression<Func<T, TKey>> key) => StartOrder(key, descending: false);

    /// <summary>Starts the ordering chain, descending.</summary>
    public OrderedSpecificationBuilder<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> key) => StartOrder(key, descending: true);

    /// <summary>Loads a navigation with the entity.</summary>
    public SpecificationBuilder<T> Include(Expression<Func<T, object?>> navigation)
    {
        ArgumentNullException.ThrowIfNull(navigation);
        _specification.AddInclude(navigation);
        return this;
    }

    /// <summary>Loads a navigation path ("Notes.Author") with the entity.</summary>
    public SpecificationBuilder<T> Include(string navigationPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(navigationPath);
        _specification.AddIncludePath(navigationPath);
        return this;
    }

    /// <summary>Skips results (paging).</summary>
    public SpecificationBuilder<T> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _specification.Skip = count;
        return this;
    }

    /// <summary>Takes at most this many results (paging).</summary>
    public SpecificationBuilder<T> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _specification.Take = count;
        return this;
    }

    /// <summary>Pages the results: page numbers start at 1.</summary>
    public SpecificationBuilder<T> Page(int pageNumber, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        return Skip((pageNumber - 1) * pageSize).Take(pageSize);
    }

    /// <summary>Marks the results as read-only.</summary>
    public SpecificationBuilder<T> AsNoTracking()
    {
        _specification.AsNoTracking = true;
        return this;
    }

    private OrderedSpecificationBuilder<T> StartOrder(LambdaExpression key, bool descending)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_specification.OrderBy.Count > 0)
        {
            throw new InvalidOperationException("A specification has one ordering chain; use ThenBy for further keys.");
        }

        _specification.AddOrder(new OrderExpression<T>(key, descending));
        return new OrderedSpecificationBuilder<T>(_specification, this);
    }
}

/// <summary>The builder after an ordering was started: adds then-by keys.</summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class OrderedSpecificationBuilder<T>
    where T : class
{
    private readonly Specification<T> _specification;
    private readonly SpecificationBuilder<T> _builder;

    internal OrderedSpecificationBuilder(Specification<T> specification, SpecificationBuilder<T> builder)
    {
        _specification = specification;
        _builder = builder;
    }

    /// <summary>Adds a further ascending key.</summary>
    public OrderedSpecificationBuilder<T> ThenBy<TKey>(Expression<Func<T, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _specification.AddOrder(new OrderExpression<T>(key, Descending: false));
        return this;
    }

    /// <summary>Adds a further descending key.</summary>
    public OrderedSpecificationBuilder<T> ThenByDescending<TKey>(Expression<Func<T, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _specification.AddOrder(new OrderExpression<T>(key, Descending: true));
        return this;
    }

    /// <summary>Returns to the main builder (paging, includes, tracking).</summary>
    public SpecificationBuilder<T> And() => _builder;
}
