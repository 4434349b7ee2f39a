using CaseWork.BuildingBlocks.Specifications;

namespace CaseWork.BuildingBlocks.Tests.Specifications;

// A small model with a navigation in both directions, so that includes have something to load.
internal sealed class Author
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public List<Book> Books { get; set; } = [];
}

internal sealed class Book
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Genre { get; set; } = "";

    public int Year { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public Guid AuthorId { get; set; }

    public Author? Author { get; set; }
}

internal sealed record BookSummary(string Title, int Year);

/// <summary>The shared data set: twelve books by three authors, with ties in year so that then-by matters.</summary>
internal static class LibraryData
{
    // Titles are lower-case ASCII letters only, so ordinal (in memory), SQLite BINARY and PostgreSQL's collation agree.
    private static readonly (string Title, string Genre, int Year, int Author)[] Rows =
    [
        ("alder", "novel", 2001, 0),
        ("birch", "poetry", 2003, 1),
        ("cedar", "novel", 2003, 2),
        ("dogwood", "essay", 2005, 0),
        ("elm", "novel", 2005, 1),
        ("fir", "poetry", 2005, 2),
        ("ginkgo", "novel", 2008, 0),
        ("hazel", "essay", 2009, 1),
        ("ironwood", "novel", 2010, 2),
        ("juniper", "poetry", 2010, 0),
        ("larch", "novel", 2012, 1),
        ("maple", "essay", 2012, 2),
    ];

    public static IReadOnlyList<Author> Create()
    {
        var authors = new[] { "ada", "bo", "cy" }
            .Select((name, i) => new Author { Id = new Guid(i + 1, 0, 0, new byte[8]), Name = name })
            .ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Rows.Length; i++)
        {
            var (title, genre, year, author) = Rows[i];
            var book = new Book
            {
                Id = new Guid(100 + i, 0, 0, new byte[8]),
                Title = title,
                Genre = genre,
                Year = year,
                // Published in the reverse order of the titles, minutes and sub-second ticks apart,
                // so that ordering by instant is not the same as ordering by title or year.
                PublishedAt = start.AddMinutes(-i * 7).AddTicks(i * 10),
                AuthorId = authors[author].Id,
                Author = authors[author],
            };
            authors[author].Books.Add(book);
        }

        return authors;
    }

    public static IReadOnlyList<Book> Books(IEnumerable<Author> authors) => authors.SelectMany(a => a.Books).ToList();
}

internal sealed class BooksSpec : Specification<Book>
{
    public BooksSpec(string? genre = null, int? fromYear = null)
    {
        Query
            .Where(b => b.Genre == genre, genre is not null)
            .Where(b => b.Year >= fromYear, fromYear is not null);
        Query.OrderBy(b => b.Year).ThenByDescending(b => b.Title);
    }
}

internal sealed class BooksPageSpec : Specification<Book>
{
    public BooksPageSpec(int page, int pageSize)
    {
        Query.OrderByDescending(b => b.Year).ThenBy(b => b.Title)
            .And()
            .Page(page, pageSize)
            .AsNoTracking();
    }
}

internal sealed class BooksPublishedSinceSpec : Specification<Book>
{
    public BooksPublishedSinceSpec(DateTimeOffset since)
    {
        Query.Where(b => b.PublishedAt >= since);
        Query.OrderBy(b => b.PublishedAt);
    }
}

internal sealed class BookSummariesSpec : Specification<Book, BookSummary>
{
    public BookSummariesSpec(string genre)
    {
        Query.Where(b => b.Genre == genre);
        Query.OrderBy(b => b.Title);
        Select(b => new BookSummary(b.Title, b.Year));
    }
}

/// <summary>A projecting specification whose author forgot the projection.</summary>
internal sealed class BookSummariesWithoutSelectSpec : Specification<Book, BookSummary>
{
    public BookSummariesWithoutSelectSpec() => Query.Where(b => b.Year > 2000);
}

internal sealed class AuthorsWithBooksSpec : Specification<Author>
{
    public AuthorsWithBooksSpec(bool tracked = true)
    {
        Query.Include(a => a.Books).OrderBy(a => a.Name);
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}

internal sealed class BooksWithAuthorByPathSpec : Specification<Book>
{
    public BooksWithAuthorByPathSpec(string title)
    {
        Query.Where(b => b.Title == title).Include(nameof(Book.Author));
    }
}

internal sealed class AllBooksSpec : Specification<Book>
{
    public AllBooksSpec(bool tracked)
    {
        Query.OrderBy(b => b.Title);
        if (!tracked)
        {
            Query.AsNoTracking();
        }
    }
}
