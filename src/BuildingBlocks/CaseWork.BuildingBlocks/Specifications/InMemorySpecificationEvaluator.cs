namespace CaseWork.BuildingBlocks.Specifications;

/// <summary>Evaluates specifications over objects in memory: for unit tests and for rules checked on loaded data.</summary>
public static class InMemorySpecificationEvaluator
{
    /// <summary>The matching items, ordered and paged.</summary>
    public static IReadOnlyList<T> List<T>(IEnumerable<T> source, Specification<T> specification)
        where T : class =>
        source.AsQueryable().ApplySpecification(specification).ToList();

    /// <summary>The matching items, projected.</summary>
    public static IReadOnlyList<TResult> List<T, TResult>(IEnumerable<T> source, Specification<T, TResult> specification)
        where T : class =>
        source.AsQueryable().ApplySpecification(specification).ToList();

    /// <summary>How many items match, ignoring paging.</summary>
    public static int Count<T>(IEnumerable<T> source, Specification<T> specification)
        where T : class =>
        source.AsQueryable().ApplyCriteria(specification).Count();
}
