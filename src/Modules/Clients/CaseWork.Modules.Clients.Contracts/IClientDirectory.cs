using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Clients.Contracts;

/// <summary>
/// What other modules may read about clients, always for one office given explicitly (so event handlers and jobs can call
/// it too). A client of another office, or an unknown id, reads as null or empty: never an error that leaks existence.
/// </summary>
public interface IClientDirectory
{
    /// <summary>The minimum another module needs to address a client; never more.</summary>
    Task<ClientDisplaySummary?> GetDisplaySummaryAsync(OfficeId office, ClientId client, CancellationToken cancellationToken);

    /// <summary>
    /// Display names (as in <see cref="ClientDisplaySummary.DisplayName"/>) for many clients at once, for agendas and lists;
    /// unknown ids and clients of another office are left out. One query, not one per client.
    /// </summary>
    Task<IReadOnlyDictionary<ClientId, string>> GetDisplayNamesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);

    /// <summary>
    /// Initials (as in <see cref="ClientDisplaySummary.Initials"/>) for many clients at once, for interpreters' job lists;
    /// unknown ids, clients of another office and anonymised clients are left out. The default asks one summary per client;
    /// the Clients module answers in one query.
    /// </summary>
    async Task<IReadOnlyDictionary<ClientId, string>> GetInitialsAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var initials = new Dictionary<ClientId, string>();
        foreach (var client in clients.Distinct())
        {
            if (await GetDisplaySummaryAsync(office, client, cancellationToken) is { IsAnonymised: false } summary)
            {
                initials[client] = summary.Initials;
            }
        }

        return initials;
    }

    /// <summary>Pseudonym codes for many clients at once (for pseudonymised lists); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<ClientId, string>> GetPseudonymCodesAsync(OfficeId office, IReadOnlyCollection<ClientId> clients, CancellationToken cancellationToken);

    /// <summary>Clients matching a name (any script), pseudonym code or date of birth, for pick lists in other modules' forms.</summary>
    Task<IReadOnlyList<ClientPickItem>> FindAsync(OfficeId office, string term, int limit, CancellationToken cancellationToken);

    /// <summary>The client's needs (problem areas) with their ids, for referrals and handoffs.</summary>
    Task<IReadOnlyList<ClientNeedSummary>> GetNeedsAsync(OfficeId office, ClientId client, CancellationToken cancellationToken);

    /// <summary>Interpreters (user ids) the client asked not to be used; matching must never offer them a job for this client.</summary>
    Task<IReadOnlyList<UserId>> GetExcludedInterpretersAsync(OfficeId office, ClientId client, CancellationToken cancellationToken);

    /// <summary>Whether a valid consent covers sharing all <see cref="ConsentCheck.DataCategories"/> with the recipient on the day given.</summary>
    Task<ConsentCheckResult> CheckConsentAsync(ConsentCheck check, CancellationToken cancellationToken);
}

/// <summary>A client as another module may show and address them.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="PseudonymCode">Stable pseudonym (e.g. "K-7F3A-92"), for lists and feeds.</param>
/// <param name="DisplayName">Name in Latin letters as staff read it; "anonymisiert" after anonymisation.</param>
/// <param name="Initials">Initials, for interpreters and other minimal views.</param>
/// <param name="PreferredLanguage">Language code for messages to the client (<c>CaseWork.BuildingBlocks.Globalization.LanguageCatalog</c>).</param>
/// <param name="InterpreterNeeded">Whether an interpreter is needed.</param>
/// <param name="InterpreterLanguage">Language to interpret, if needed.</param>
/// <param name="InterpreterDialect">Dialect, if it matters.</param>
/// <param name="PreferredInterpreterGender">"female", "male" or null (no preference).</param>
/// <param name="ReminderChannel">The channel the client agreed to be reminded on.</param>
/// <param name="ReminderAddress">Phone number or email address for that channel, or null.</param>
/// <param name="IsAnonymised">Whether the record was anonymised (then only statistics remain).</param>
public sealed record ClientDisplaySummary(
    ClientId ClientId,
    string PseudonymCode,
    string DisplayName,
    string Initials,
    string PreferredLanguage,
    bool InterpreterNeeded,
    string? InterpreterLanguage,
    string? InterpreterDialect,
    string? PreferredInterpreterGender,
    ReminderChannelKind ReminderChannel,
    string? ReminderAddress,
    bool IsAnonymised);

/// <summary>A line in a client pick list.</summary>
public sealed record ClientPickItem(ClientId ClientId, string PseudonymCode, string DisplayName, string? DateOfBirth);

/// <summary>One need (problem area) of a client.</summary>
/// <param name="NeedId">The need.</param>
/// <param name="Area">One of <see cref="NeedAreas"/>.</param>
/// <param name="Status">"open", "in_progress", "resolved" or "referred".</param>
/// <param name="Description">Short description, if any.</param>
public sealed record ClientNeedSummary(Guid NeedId, string Area, string Status, string? Description);

/// <summary>A question to the consent register.</summary>
/// <param name="Office">The office asking.</param>
/// <param name="Client">The client whose data would be shared.</param>
/// <param name="RecipientName">The recipient's name (compared case-insensitively when no organisation id is given).</param>
/// <param name="RecipientOrganisationId">The recipient's partner-directory id; a consent naming this id matches.</param>
/// <param name="DataCategories">Categories to be shared (<see cref="ConsentDataCategories"/>).</param>
/// <param name="On">The day of sharing.</param>
public sealed record ConsentCheck(
    OfficeId Office,
    ClientId Client,
    string RecipientName,
    Guid? RecipientOrganisationId,
    IReadOnlyCollection<string> DataCategories,
    DateOnly On);

/// <summary>The register's answer: covered or not, by which consent, and what is missing.</summary>
public sealed record ConsentCheckResult(bool Covered, Guid? ConsentId, IReadOnlyList<string> MissingCategories);
