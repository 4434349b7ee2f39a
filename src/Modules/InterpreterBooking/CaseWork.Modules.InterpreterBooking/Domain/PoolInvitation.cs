using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Results;

namespace CaseWork.Modules.InterpreterBooking.Domain;

internal enum InvitationState
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
}

/// <summary>
/// An office asks an interpreter whose account belongs to another office to join its pool (ADR 0038). It is addressed to an
/// e-mail address, so the inviting office learns nothing about accounts it cannot see; the interpreter signed in with that
/// address accepts or declines it in the portal. Only an accepted invitation makes the office a pool the interpreter serves,
/// and only then do its coordinators see the interpreter's contact details.
/// </summary>
internal sealed class PoolInvitation : IOfficeScoped, IVersioned
{
    /// <summary>How long an invitation can be answered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    private PoolInvitation()
    {
    }

    public PoolInvitation(OfficeId officeId, string email, UserId invitedBy, DateTimeOffset invitedAt)
    {
        Id = Guid.CreateVersion7();
        OfficeId = officeId;
        Email = Normalise(email);
        InvitedBy = invitedBy;
        InvitedAt = invitedAt;
        ExpiresAt = invitedAt + Lifetime;
    }

    public Guid Id { get; private set; }

    public OfficeId OfficeId { get; private set; }

    /// <summary>The address the invitation is for, trimmed and lower case.</summary>
    public string Email { get; private set; } = "";

    public UserId InvitedBy { get; private set; }

    public DateTimeOffset InvitedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public InvitationState State { get; private set; }

    /// <summary>Who answered (the interpreter's account), once answered.</summary>
    public UserId? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public int Version { get; private set; }

    public static string Normalise(string email) => email.Trim().ToLowerInvariant();

    /// <summary>One @ with something before it, and a domain with a dot after it; no spaces.</summary>
    public static bool LooksLikeAnAddress(string? email)
    {
        var value = email?.Trim() ?? "";
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var domain = at < 0 ? "" : value[(at + 1)..];
        return at > 0 && !value.Any(char.IsWhiteSpace) && !domain.Contains('@', StringComparison.Ordinal)
               && domain.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < domain.Length - 1;
    }

    public bool IsOpen(DateTimeOffset now) => State == InvitationState.Pending && now < ExpiresAt;

    /// <summary>The interpreter's answer; only an open invitation can be answered.</summary>
    public Result<Unit> Answer(UserId interpreter, bool accept, DateTimeOffset now)
    {
        if (!IsOpen(now))
        {
            return Error.Conflict("invitation-closed", "This invitation has already been answered, withdrawn or has expired.");
        }

        State = accept ? InvitationState.Accepted : InvitationState.Declined;
        AnsweredBy = interpreter;
        AnsweredAt = now;
        return Unit.Value;
    }

    /// <summary>The office takes back an invitation nobody has answered yet.</summary>
    public Result<Unit> Withdraw(DateTimeOffset now)
    {
        if (State != InvitationState.Pending)
        {
            return Error.Conflict("invitation-closed", "This invitation has already been answered or withdrawn.");
        }

        State = InvitationState.Withdrawn;
        AnsweredAt = now;
        return Unit.Value;
    }
}
