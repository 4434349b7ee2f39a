using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>Who is meant in a consent or a question about one: a name, and the partner-directory id when there is one.</summary>
internal sealed record ConsentRecipient(string Name, Guid? OrganisationId);

/// <summary>
/// A consent to share (Schweigepflichtentbindung): to whom, for what, which data categories, how and when it was given,
/// how long it holds and whether it was revoked.
/// </summary>
internal sealed class Consent : CaseRecord
{
    private Consent()
    {
    }

    public string RecipientName { get; private set; } = "";

    /// <summary>Kind of recipient (e.g. "job_centre", "debt_counselling").</summary>
    public string RecipientType { get; private set; } = "";

    public Guid? RecipientOrganisationId { get; private set; }

    public string Purpose { get; private set; } = "";

    public List<string> DataCategories { get; private set; } = [];

    public DateOnly GivenOn { get; private set; }

    /// <summary>The language the consent was explained and given in (catalog code or "de").</summary>
    public string GivenInLanguage { get; private set; } = "de";

    public bool InterpreterHelped { get; private set; }

    public ConsentForm Form { get; private set; }

    /// <summary>Last day the consent holds; null when not limited.</summary>
    public DateOnly? ValidUntil { get; private set; }

    /// <summary>From this day on nothing may be shared on the consent's basis.</summary>
    public DateOnly? RevokedOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Consent Grant(
        Client client,
        ConsentRecipient recipient,
        string recipientType,
        string purpose,
        IEnumerable<string> categories,
        DateOnly givenOn,
        string givenInLanguage,
        bool interpreterHelped,
        ConsentForm form,
        DateOnly? validUntil,
        DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentNullException.ThrowIfNull(categories);
        var released = categories.Distinct().ToList();
        if (released.Count == 0 || released.Any(c => !ConsentDataCategories.All.Contains(c)))
            throw new ArgumentException("A consent releases at least one known data category.", nameof(categories));
        if (validUntil is { } until && until < givenOn)
            throw new ArgumentException("A consent cannot end before it was given.", nameof(validUntil));
        return new Consent
        {
            OfficeId = client.OfficeId,
            ClientId = client.Id,
            RecipientName = recipient.Name.Trim(),
            RecipientType = recipientType.Trim(),
            RecipientOrganisationId = recipient.OrganisationId,
            Purpose = purpose.Trim(),
            DataCategories = released,
            GivenOn = givenOn,
            GivenInLanguage = givenInLanguage,
            InterpreterHelped = interpreterHelped,
            Form = form,
            ValidUntil = validUntil,
            RecordedAt = recordedAt,
        };
    }

    public ConsentRecipient Recipient => new(RecipientName, RecipientOrganisationId);

    /// <summary>
    /// Whether the consent allows sharing <paramref name="category"/> with <paramref name="recipient"/> on
    /// <paramref name="date"/>: given on or before that day, not past its last valid day, not revoked by then, naming that
    /// category, and naming the recipient (by partner-directory id when the consent has one, else by name).
    /// </summary>
    public bool IsValidOn(DateOnly date, string category, ConsentRecipient recipient) =>
        IsInForceOn(date) && DataCategories.Contains(category) && Names(recipient);

    public bool IsInForceOn(DateOnly date) =>
        date >= GivenOn
        && (ValidUntil is null || date <= ValidUntil)
        && (RevokedOn is null || date < RevokedOn);

    public bool Names(ConsentRecipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (RecipientOrganisationId is not null && recipient.OrganisationId is not null)
            return RecipientOrganisationId == recipient.OrganisationId;
        return string.Equals(RecipientName, recipient.Name.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    public Result<Unit> Revoke(DateOnly on)
    {
        if (RevokedOn is not null)
            return Error.Conflict("consent-revoked", "The consent is already revoked.");
        if (on < GivenOn)
            return Error.Validation("revokedOn", "A consent cannot be revoked before it was given.");
        RevokedOn = on;
        return Unit.Value;
    }

    /// <summary>
    /// A consent is the legal basis of what was shared, so it is kept; it names an organisation, not the person, and the
    /// purpose is free text that may describe the person's situation.
    /// </summary>
    public override void Anonymise() => Purpose = "";
}
