using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Duplicates;

/// <summary>
/// Finds likely duplicates of a person in the office: first the records that share a name token or consonant skeleton
/// with the person (one indexed lookup in <c>client_search_terms</c>, on both stores), then the duplicate engine
/// (ADR 0011) scores each with reasons.
/// </summary>
internal sealed class DuplicateFinder(ClientsDbContext db)
{
    private const int MaxPreselected = 200;

    public async Task<IReadOnlyList<DuplicateCandidateView>> FindAsync(
        PersonForMatching person, ClientId? self, bool named, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var terms = ClientSearchKey.Terms(new[] { person.GivenNames, person.FamilyNames }.Concat(person.OtherNames)).ToList();
        if (terms.Count == 0)
            return [];

        var ids = db.SearchTerms.Where(t => terms.Contains(t.Term)).Select(t => t.ClientId);
        var preselected = await db.Clients.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.State == ClientState.Active)
            .Take(MaxPreselected)
            .ToListAsync(cancellationToken);

        return preselected
            .Where(c => self is null || c.Id != self.Value)
            .Select(c => (Client: c, Match: DuplicateDetector.Compare(c.ForMatching(), person)))
            .Where(m => m.Match.IsCandidate)
            .OrderByDescending(m => m.Match.Score)
            .Select(m => new DuplicateCandidateView(
                m.Client.Id.Value,
                m.Client.PseudonymCode,
                named ? m.Client.DisplayName : null,
                named ? ClientView.FormatDateOfBirth(m.Client.DateOfBirth) : null,
                Math.Round(m.Match.Score, 3),
                m.Match.Level.ToString(),
                named ? [.. m.Match.Reasons.Select(r => r.ToString())] : [],
                named ? [.. m.Match.Reasons.Select(r => new DuplicateReasonView(r.Direction.ToString(), r.Template, r.Arguments))] : []))
            .ToList();
    }
}
