using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.Modules.Clients.Contracts;

namespace CaseWork.Modules.Clients.Domain;

/// <summary>
/// A first contact with someone who gave no name (outreach work): a nickname, a rough age, what it was about, where
/// and when. Later it can become a client record; the contact then points to it and shows on its timeline.
/// </summary>
internal sealed class AnonymousContact : IOfficeScoped, IVersioned
{
    private AnonymousContact()
    {
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    public string Nickname { get; private set; } = "";

    public int? RoughAge { get; private set; }

    public List<string> Topics { get; private set; } = [];

    public PlaceKind Place { get; private set; }

    public DateOnly MetOn { get; private set; }

    public string? Note { get; private set; }

    public UserId? Worker { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public ClientId? ConvertedTo { get; private set; }

    public DateTimeOffset? ConvertedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsConverted => ConvertedTo is not null;

    public static AnonymousContact Log(
        OfficeId office, string nickname, int? roughAge, IEnumerable<string> topics, PlaceKind place, DateOnly metOn, string? note, UserId? worker, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nickname);
        ArgumentNullException.ThrowIfNull(topics);
        return new AnonymousContact
        {
            Id = Guid.CreateVersion7(),
            OfficeId = office,
            Nickname = nickname.Trim(),
            RoughAge = roughAge,
            Topics = [.. topics.Distinct()],
            Place = place,
            MetOn = metOn,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Worker = worker,
            RecordedAt = at,
        };
    }

    /// <summary>
    /// Turns the contact into a client record. The contact stays (pointing to the client) and its content becomes an
    /// outreach note on the client's timeline, dated the day of the contact, so the history is kept.
    /// </summary>
    public (Client Client, CaseNote History) ConvertToClient(ClientDetails details, string pseudonymCode, DateTimeOffset at)
    {
        if (IsConverted)
            throw new InvalidOperationException("The contact was already converted.");
        var client = Client.Register(OfficeId, details, at, pseudonymCode, Id);
        var text = $"Anonymer Erstkontakt „{Nickname}“" + (RoughAge is { } age ? $", etwa {age} Jahre" : "") + $", Ort: {Place}." +
                   (Note is null ? "" : " " + Note);
        var occurredAt = new DateTimeOffset(MetOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var history = CaseNote.Write(client, NoteType.OutreachContact, occurredAt, null, Topics, text, Worker, at);
        ConvertedTo = client.Id;
        ConvertedAt = at;
        return (client, history);
    }

    /// <summary>Removes the nickname and the note once the person's record is anonymised.</summary>
    public void Anonymise()
    {
        Nickname = Client.AnonymisedName;
        Note = null;
    }

    /// <summary>Whether the topics are all need areas.</summary>
    public static bool AreKnownTopics(IEnumerable<string> topics) => topics.All(NeedAreas.All.Contains);
}
