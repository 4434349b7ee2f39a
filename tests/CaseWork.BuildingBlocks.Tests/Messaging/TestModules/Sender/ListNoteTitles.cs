using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.BuildingBlocks.Tests.Messaging.TestModules.Sender;

/// <summary>The titles of the notes the current user may see (their office's), alphabetically.</summary>
internal sealed record ListNoteTitles : IQuery<IReadOnlyList<string>>;

internal sealed class ListNoteTitlesHandler(SenderDbContext db) : IQueryHandler<ListNoteTitles, IReadOnlyList<string>>
{
    public async Task<Result<IReadOnlyList<string>>> Handle(ListNoteTitles query, CancellationToken cancellationToken) =>
        await db.Notes.AsNoTracking().OrderBy(n => n.Title).Select(n => n.Title).ToListAsync(cancellationToken);
}
