using System.Globalization;
using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.SearchClients;

/// <summary>
/// Finds the office's clients by a name in any script, a date of birth ("1994-03-01", "01.03.1994", "1994") or a
/// pseudonym code ("K-7F3A-92"). Results that look like duplicates of each other are flagged.
/// </summary>
internal sealed record SearchClients(string? Term, int Limit = 20) : IQuery<IReadOnlyList<ClientSearchHit>>;

/// <summary>One search result; names are null for a supervisor (pseudonymised list).</summary>
internal sealed record ClientSearchHit(
    Guid ClientId,
    string PseudonymCode,
    string? DisplayName,
    string? NamesAsWritten,
    string? DateOfBirth,
    string? PreferredLanguage,
    bool LikelyDuplicate,
    IReadOnlyList<string> DuplicateOf);

internal sealed class SearchClientsValidator : AbstractValidator<SearchClients>
{
    public const int MaxLimit = 100;

    public SearchClientsValidator()
    {
        RuleFor(q => q.Term).NotEmpty().WithMessage("Enter a name, date of birth or pseudonym code.").MaximumLength(200);
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit);
    }
}

internal sealed class SearchClientsHandler(ClientsDbContext db, ClientAccess access, ClientAudit audit)
    : IQueryHandler<SearchClients, IReadOnlyList<ClientSearchHit>>
{
    public async Task<Result<IReadOnlyList<ClientSearchHit>>> Handle(SearchClients query, CancellationToken cancellationToken)
    {
        if (access.EnsureCaseReader() is { } denied)
            return denied;
        var term = query.Term!.Trim();
        var named = access.SeesNames(null);

        var clients = await ClientSearch.Query(db, term, named).Take(query.Limit).ToListAsync(cancellationToken);
        var hits = Flag(clients, named);
        await audit.RecordAsync(AuditAction.Read, "ClientSearch", access.OfficeId!.Value, cancellationToken, $"{hits.Count} results");
        return Result<IReadOnlyList<ClientSearchHit>>.Success(hits);
    }

    private static List<ClientSearchHit> Flag(List<Client> clients, bool named)
    {
        var matching = clients.Select(c => c.ForMatching()).ToList();
        var hits = new List<ClientSearchHit>(clients.Count);
        for (var i = 0; i < clients.Count; i++)
        {
            var duplicateOf = new List<string>();
            for (var j = 0; j < clients.Count; j++)
            {
                if (i != j && DuplicateDetector.CouldBeLikely(matching[j], matching[i])
                    && DuplicateDetector.Compare(matching[j], matching[i]).Level == DuplicateLevel.Likely)
                    duplicateOf.Add(clients[j].PseudonymCode);
            }

            var c = clients[i];
            hits.Add(new ClientSearchHit(
                c.Id.Value,
                c.PseudonymCode,
                named ? c.DisplayName : null,
                named ? $"{c.GivenNames} {c.FamilyNames}" : null,
                named ? ClientView.FormatDateOfBirth(c.DateOfBirth) : null,
                c.PreferredLanguage,
                duplicateOf.Count > 0,
                duplicateOf));
        }

        return hits;
    }
}

/// <summary>
/// The one indexed query behind client search (ADR 0012). A pseudonym code is an exact lookup; a date of birth matches
/// the full date or, for a year, the birth year (year-only records match any date in their year). A name matches when
/// every word's Latin spelling or consonant skeleton starts a token of the client's names: on PostgreSQL as
/// <c>search_key LIKE '% word%'</c> over a trigram index, on SQLite as a B-tree range over <c>client_search_terms</c>.
/// </summary>
internal static class ClientSearch
{
    public static IQueryable<Client> Query(ClientsDbContext db, string term, bool allowNames)
    {
        var active = db.Clients.AsNoTracking().Where(c => c.State == ClientState.Active);
        if (PseudonymCode.LooksLikeCode(term))
        {
            var code = PseudonymCode.Normalise(term);
            return active.Where(c => c.PseudonymCode == code);
        }

        if (TryParseDate(term, out var date))
        {
            var year = date.Year;
            return active.Where(c => c.BirthYear == year && (c.BirthDate == date || c.BirthDate == null)).OrderBy(c => c.FamilyNamesLatin);
        }

        if (term.Length == 4 && int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var onlyYear))
            return active.Where(c => c.BirthYear == onlyYear).OrderBy(c => c.FamilyNamesLatin);

        // A supervisor without named access searches by pseudonym code or date of birth only: a name search would let
        // them confirm who is a client.
        if (!allowNames)
            return active.Where(c => false);

        var words = ClientSearchKey.QueryWords(term);
        if (words.Count == 0)
            return active.Where(c => false);

        var query = active;
        if (db.OnPostgres)
        {
            foreach (var (latin, skeleton) in words)
            {
                var latinPattern = "% " + latin + "%";
                var skeletonPattern = "% " + skeleton + "%";
                query = query.Where(c => EF.Functions.Like(c.SearchKey, latinPattern) || EF.Functions.Like(c.SearchKey, skeletonPattern));
            }
        }
        else
        {
            foreach (var (latin, skeleton) in words)
            {
                var (latinFrom, latinTo) = PrefixRange(latin);
                var (skeletonFrom, skeletonTo) = PrefixRange(skeleton);
                // Two ranges joined by UNION, not one WHERE with OR: SQLite uses the (office, term) index for each range
                // only this way; with OR it reads every search term of the office.
                var ids = db.SearchTerms
                    .Where(t => string.Compare(t.Term, latinFrom) >= 0 && string.Compare(t.Term, latinTo) < 0)
                    .Select(t => t.ClientId)
                    .Union(db.SearchTerms
                        .Where(t => string.Compare(t.Term, skeletonFrom) >= 0 && string.Compare(t.Term, skeletonTo) < 0)
                        .Select(t => t.ClientId));
                query = query.Where(c => ids.Contains(c.Id));
            }
        }

        return query.OrderBy(c => c.FamilyNamesLatin).ThenBy(c => c.GivenNamesLatin);
    }

    private static (string From, string To) PrefixRange(string prefix) => (prefix, prefix + '\uffff');

    private static bool TryParseDate(string term, out DateOnly date) =>
        DateOnly.TryParseExact(term, ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
