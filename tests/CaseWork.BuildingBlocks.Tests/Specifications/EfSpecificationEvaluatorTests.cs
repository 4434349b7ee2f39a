using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Infrastructure.Specifications;
using CaseWork.BuildingBlocks.Specifications;
using CaseWork.BuildingBlocks.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Specifications;

/// <summary>
/// The EF Core evaluator on a real database: the same specifications give the same results as in memory, and the
/// EF-only parts (includes, tracking) are honoured.
/// </summary>
public abstract class EfSpecificationEvaluatorTests : IAsyncLifetime
{
    private readonly IReadOnlyList<Book> _books = LibraryData.Books(LibraryData.Create());
    private TestStore _store = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(Provider);
        await using var db = LibraryDbContext.Create(_store.Options);
        await db.Database.EnsureCreatedAsync();
        db.Authors.AddRange(LibraryData.Create());
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    public static TheoryData<string> Specifications() => new(SpecificationCases.Keys);

    private static readonly Dictionary<string, Func<Specification<Book>>> SpecificationCases = new()
    {
        ["all, by year then title descending"] = () => new BooksSpec(),
        ["novels from 2005"] = () => new BooksSpec(genre: "novel", fromYear: 2005),
        ["poetry"] = () => new BooksSpec(genre: "poetry"),
        ["nothing matches"] = () => new BooksSpec(genre: "cookbook"),
        ["page 1 of 5"] = () => new BooksPageSpec(1, 5),
        ["page 2 of 5"] = () => new BooksPageSpec(2, 5),
        ["page 3 of 5"] = () => new BooksPageSpec(3, 5),
        ["page 4 of 5"] = () => new BooksPageSpec(4, 5),
        ["published since, by instant"] = () => new BooksPublishedSinceSpec(new DateTimeOffset(2026, 1, 1, 7, 20, 0, TimeSpan.Zero)),
        ["published since, sub-second boundary"] = () => new BooksPublishedSinceSpec(new DateTimeOffset(2026, 1, 1, 7, 53, 0, TimeSpan.Zero).AddTicks(10)),
    };

    [Theory]
    [MemberData(nameof(Specifications))]
    public async Task EF_and_in_memory_evaluation_agree(string name)
    {
        var spec = SpecificationCases[name]();
        await using var db = LibraryDbContext.Create(_store.Options);

        var fromDatabase = await db.Books.ListAsync(spec);
        var inMemory = InMemorySpecificationEvaluator.List(_books, spec);

        Assert.Equal(inMemory.Select(b => b.Title), fromDatabase.Select(b => b.Title));
        Assert.Equal(InMemorySpecificationEvaluator.Count(_books, spec), await db.Books.CountAsync(spec));
    }

    [Fact]
    public async Task Ordering_by_instant_follows_time_not_text()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        var books = await db.Books.ListAsync(new BooksPublishedSinceSpec(DateTimeOffset.MinValue.AddYears(2000)));

        Assert.Equal(12, books.Count);
        Assert.Equal(books.Select(b => b.PublishedAt).Order(), books.Select(b => b.PublishedAt));
        Assert.Equal(_books.Select(b => (b.Title, b.PublishedAt)).OrderBy(b => b.Title), books.Select(b => (b.Title, b.PublishedAt)).OrderBy(b => b.Title));
        Assert.All(books, b => Assert.Equal(TimeSpan.Zero, b.PublishedAt.Offset));
    }

    [Fact]
    public async Task Count_ignores_paging_and_ordering()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        Assert.Equal(12, await db.Books.CountAsync(new BooksPageSpec(3, 5)));
        Assert.Equal(2, (await db.Books.ListAsync(new BooksPageSpec(3, 5))).Count);
    }

    [Fact]
    public async Task A_projection_is_translated()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        var result = await db.Books.ListAsync(new BookSummariesSpec("essay"));

        Assert.Equal(InMemorySpecificationEvaluator.List(_books, new BookSummariesSpec("essay")), result);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task A_projecting_specification_without_projection_is_refused()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Books.ListAsync(new BookSummariesWithoutSelectSpec()));
        Assert.Contains(nameof(BookSummariesWithoutSelectSpec), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Includes_load_the_navigation()
    {
        await using (var db = LibraryDbContext.Create(_store.Options))
        {
            var authors = await db.Authors.ListAsync(new AuthorsWithBooksSpec());

            Assert.Equal(["ada", "bo", "cy"], authors.Select(a => a.Name));
            Assert.All(authors, a => Assert.Equal(4, a.Books.Count));
        }

        await using (var db = LibraryDbContext.Create(_store.Options))
        {
            // Control: without the include, a fresh context loads no books.
            var authors = await db.Authors.OrderBy(a => a.Name).ToListAsync();
            Assert.All(authors, a => Assert.Empty(a.Books));
        }
    }

    [Fact]
    public async Task Includes_by_path_load_the_navigation()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        var book = await db.Books.FirstOrDefaultAsync(new BooksWithAuthorByPathSpec("elm"));

        Assert.NotNull(book);
        Assert.Equal("bo", book.Author?.Name);
        Assert.Null(await db.Books.FirstOrDefaultAsync(new BooksWithAuthorByPathSpec("oak")));
    }

    [Fact]
    public async Task AsNoTracking_is_honoured()
    {
        await using (var db = LibraryDbContext.Create(_store.Options))
        {
            var books = await db.Books.ListAsync(new AllBooksSpec(tracked: false));
            Assert.Equal(12, books.Count);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        await using (var db = LibraryDbContext.Create(_store.Options))
        {
            var books = await db.Books.ListAsync(new AllBooksSpec(tracked: true));
            Assert.Equal(12, db.ChangeTracker.Entries<Book>().Count());
            books[0].Title = "changed";
            Assert.Equal(1, await db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task AsNoTracking_with_includes_tracks_neither_root_nor_navigation()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        var authors = await db.Authors.ListAsync(new AuthorsWithBooksSpec(tracked: false));

        Assert.All(authors, a => Assert.Equal(4, a.Books.Count));
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task The_evaluator_validates_its_arguments()
    {
        await using var db = LibraryDbContext.Create(_store.Options);

        Assert.Throws<ArgumentNullException>(() => db.Books.WithSpecification((Specification<Book>)null!));
        Assert.Throws<ArgumentNullException>(() => db.Books.WithSpecification((Specification<Book, BookSummary>)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => db.Books.CountAsync((Specification<Book>)null!));
        Assert.Throws<ArgumentNullException>(() => ((IQueryable<Book>)null!).WithSpecification(new BooksSpec()));
    }

    public sealed class OnSqlite : EfSpecificationEvaluatorTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        [Fact]
        public async Task Instants_with_an_offset_are_stored_as_UTC_and_compare_by_instant()
        {
            await using (var db = LibraryDbContext.Create(_store.Options))
            {
                // 07:30 at UTC-1 is 08:30 UTC: after every seeded book (the latest is 08:00 UTC), although its local
                // text "07:30" would sort before them if the offset were stored as given.
                var azores = TimeSpan.FromHours(-1);
                db.Books.Add(new Book
                {
                    Id = Guid.NewGuid(), Title = "oak", Genre = "novel", Year = 2020, AuthorId = new Guid(1, 0, 0, new byte[8]),
                    PublishedAt = new DateTimeOffset(2026, 1, 1, 7, 30, 0, azores),
                });
                await db.SaveChangesAsync();
            }

            await using (var db = LibraryDbContext.Create(_store.Options))
            {
                var since = await db.Books.ListAsync(new BooksPublishedSinceSpec(new DateTimeOffset(2026, 1, 1, 9, 15, 0, TimeSpan.FromHours(1))));
                var oak = Assert.Single(since);
                Assert.Equal("oak", oak.Title);
                Assert.Equal(new DateTimeOffset(2026, 1, 1, 8, 30, 0, TimeSpan.Zero), oak.PublishedAt);
                Assert.Equal(TimeSpan.Zero, oak.PublishedAt.Offset);

                var all = await db.Books.ListAsync(new BooksPublishedSinceSpec(DateTimeOffset.MinValue.AddYears(2000)));
                Assert.Equal("oak", all[^1].Title);
            }
        }
    }

    public sealed class OnPostgres : EfSpecificationEvaluatorTests
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
    }
}
