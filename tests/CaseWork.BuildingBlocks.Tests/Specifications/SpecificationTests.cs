using System.Linq.Expressions;
using CaseWork.BuildingBlocks.Specifications;

namespace CaseWork.BuildingBlocks.Tests.Specifications;

/// <summary>The specification feature set, evaluated in memory, and the builder's guards.</summary>
public sealed class SpecificationTests
{
    private readonly IReadOnlyList<Book> _books = LibraryData.Books(LibraryData.Create());

    [Fact]
    public void Criteria_are_ANDed()
    {
        var result = InMemorySpecificationEvaluator.List(_books, new BooksSpec(genre: "novel", fromYear: 2005));

        Assert.Equal(["elm", "ginkgo", "ironwood", "larch"], result.Select(b => b.Title));
    }

    [Fact]
    public void Conditional_criteria_are_added_only_when_their_condition_holds()
    {
        Assert.Empty(new BooksSpec().Criteria);
        Assert.Single(new BooksSpec(genre: "poetry").Criteria);
        Assert.Equal(2, new BooksSpec(genre: "poetry", fromYear: 2004).Criteria.Count);

        Assert.Equal(12, InMemorySpecificationEvaluator.List(_books, new BooksSpec()).Count);
        Assert.Equal(["birch", "fir", "juniper"], InMemorySpecificationEvaluator.List(_books, new BooksSpec(genre: "poetry")).Select(b => b.Title));
    }

    [Fact]
    public void Ordering_has_one_root_and_then_by_keys()
    {
        var spec = new BooksSpec();

        Assert.Equal(2, spec.OrderBy.Count);
        Assert.False(spec.OrderBy[0].Descending);
        Assert.True(spec.OrderBy[1].Descending);
        Assert.Equal(
            ["alder", "cedar", "birch", "fir", "elm", "dogwood", "ginkgo", "hazel", "juniper", "ironwood", "maple", "larch"],
            InMemorySpecificationEvaluator.List(_books, spec).Select(b => b.Title));
    }

    [Fact]
    public void Starting_a_second_ordering_chain_is_refused()
    {
        var spec = new OpenSpec();
        spec.Builder.OrderBy(b => b.Year).ThenBy(b => b.Title);

        var error = Assert.Throws<InvalidOperationException>(() => spec.Builder.OrderByDescending(b => b.Genre));
        Assert.Contains("ThenBy", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => spec.Builder.OrderBy(b => b.Genre));
        Assert.Equal(2, spec.OrderBy.Count);
    }

    [Theory]
    [InlineData(1, new[] { "larch", "maple", "ironwood", "juniper", "hazel" })]
    [InlineData(2, new[] { "ginkgo", "dogwood", "elm", "fir", "birch" })]
    [InlineData(3, new[] { "cedar", "alder" })]
    [InlineData(4, new string[0])]
    public void Pages_are_numbered_from_one(int page, string[] expected)
    {
        var spec = new BooksPageSpec(page, pageSize: 5);

        Assert.Equal((page - 1) * 5, spec.Skip);
        Assert.Equal(5, spec.Take);
        Assert.Equal(expected, InMemorySpecificationEvaluator.List(_books, spec).Select(b => b.Title));
    }

    [Fact]
    public void Count_ignores_paging_and_ordering()
    {
        Assert.Equal(12, InMemorySpecificationEvaluator.Count(_books, new BooksPageSpec(3, 5)));
        Assert.Equal(4, InMemorySpecificationEvaluator.Count(_books, new BooksSpec(genre: "novel", fromYear: 2005)));
    }

    [Fact]
    public void Skip_and_take_can_be_set_separately()
    {
        var spec = new OpenSpec();
        spec.Builder.OrderBy(b => b.Title).And().Skip(10);

        Assert.Equal(["larch", "maple"], InMemorySpecificationEvaluator.List(_books, spec).Select(b => b.Title));

        spec.Builder.Take(1);
        Assert.Equal(["larch"], InMemorySpecificationEvaluator.List(_books, spec).Select(b => b.Title));
    }

    [Fact]
    public void A_projection_shapes_the_results()
    {
        var result = InMemorySpecificationEvaluator.List(_books, new BookSummariesSpec("essay"));

        Assert.Equal([new BookSummary("dogwood", 2005), new BookSummary("hazel", 2009), new BookSummary("maple", 2012)], result);
    }

    [Fact]
    public void A_projecting_specification_without_projection_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            InMemorySpecificationEvaluator.List(_books, new BookSummariesWithoutSelectSpec()));

        Assert.Contains(nameof(BookSummariesWithoutSelectSpec), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Includes_and_tracking_are_recorded_for_the_EF_evaluator()
    {
        var spec = new AuthorsWithBooksSpec(tracked: false);

        Assert.Single(spec.Includes);
        Assert.True(spec.AsNoTracking);
        Assert.False(new AuthorsWithBooksSpec().AsNoTracking);
        Assert.Equal(["Author"], new BooksWithAuthorByPathSpec("elm").IncludePaths);
    }

    [Fact]
    public void In_memory_evaluation_ignores_includes_and_tracking()
    {
        var authors = InMemorySpecificationEvaluator.List(LibraryData.Create(), new AuthorsWithBooksSpec(tracked: false));

        Assert.Equal(["ada", "bo", "cy"], authors.Select(a => a.Name));
    }

    [Fact]
    public void IsSatisfiedBy_checks_every_criterion()
    {
        var spec = new BooksSpec(genre: "novel", fromYear: 2005);

        Assert.True(spec.IsSatisfiedBy(_books.Single(b => b.Title == "elm")));
        Assert.False(spec.IsSatisfiedBy(_books.Single(b => b.Title == "alder")));
        Assert.False(spec.IsSatisfiedBy(_books.Single(b => b.Title == "fir")));
        Assert.True(new BooksSpec().IsSatisfiedBy(_books[0]));
    }

    [Fact]
    public void The_builder_validates_its_arguments()
    {
        var builder = new OpenSpec().Builder;

        Assert.Throws<ArgumentNullException>(() => builder.Where(null!));
        Assert.Throws<ArgumentNullException>(() => builder.Where(null!, condition: true));
        Assert.Throws<ArgumentNullException>(() => builder.OrderBy<int>(null!));
        Assert.Throws<ArgumentNullException>(() => builder.OrderByDescending<int>(null!));
        Assert.Throws<ArgumentNullException>(() => builder.Include((Expression<Func<Book, object?>>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.Include((string)null!));
        Assert.Throws<ArgumentException>(() => builder.Include(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Skip(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Take(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Page(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Page(1, 0));

        var ordered = builder.OrderBy(b => b.Year);
        Assert.Throws<ArgumentNullException>(() => ordered.ThenBy<int>(null!));
        Assert.Throws<ArgumentNullException>(() => ordered.ThenByDescending<int>(null!));
        Assert.Throws<ArgumentNullException>(() => new NullProjectionSpec());
    }

    [Fact]
    public void A_refused_argument_leaves_the_specification_unchanged()
    {
        var spec = new OpenSpec();

        Assert.ThrowsAny<ArgumentException>(() => spec.Builder.Where(null!));
        Assert.ThrowsAny<ArgumentException>(() => spec.Builder.Page(0, 10));

        Assert.Empty(spec.Criteria);
        Assert.Null(spec.Skip);
        Assert.Null(spec.Take);
    }

    [Fact]
    public void The_in_memory_evaluator_validates_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.List(null!, new BooksSpec()));
        Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.List(_books, (Specification<Book>)null!));
        Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.List(_books, (Specification<Book, BookSummary>)null!));
        Assert.Throws<ArgumentNullException>(() => InMemorySpecificationEvaluator.Count(_books, null!));
        Assert.Throws<ArgumentNullException>(() => new BooksSpec().IsSatisfiedBy(null!));
    }

    private sealed class OpenSpec : Specification<Book>
    {
        public SpecificationBuilder<Book> Builder => Query;
    }

    private sealed class NullProjectionSpec : Specification<Book, BookSummary>
    {
        public NullProjectionSpec() => Select(null!);
    }
}
