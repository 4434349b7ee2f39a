using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.BuildingBlocks.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// The office's interpreter pool for coordinators: who is in it, the office's interpreter accounts not yet in it, and the
/// invitations to interpreters of other offices (ADR 0038); a member can be taken out of the pool (ADR 0048).
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class PoolModel(
    IQueryHandler<ListPool, IReadOnlyList<PoolMember>> pool,
    IQueryHandler<ListInvitations, IReadOnlyList<InvitationView>> invitations,
    ICommandHandler<InviteInterpreter, Guid> invite,
    ICommandHandler<WithdrawInvitation, Unit> withdraw,
    ICommandHandler<RemoveFromPool, Unit> remove,
    IOfficeDirectory directory,
    ICurrentUser user) : PageModel
{
    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    /// <summary>The address typed into the invitation form, kept when it is refused.</summary>
    [BindProperty]
    public string? InviteEmail { get; set; }

    public IReadOnlyList<PoolMember> Members { get; private set; } = [];

    public IReadOnlyList<StaffMember> NotInPool { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var result = await invite.Handle(new InviteInterpreter(InviteEmail ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Einladung verschickt: die Person bekommt eine E-Mail an diese Adresse und sieht die Einladung im Portal, sobald sie sich damit anmeldet.";
            return RedirectToPage();
        }

        Problem = result.Error.Code switch
        {
            "already-in-pool" => "Diese Person ist schon im Pool der Stelle.",
            "own-account" => "Das ist ein Sprachmittlungs-Konto dieser Stelle: bitte oben unter „In den Pool aufnehmen“ öffnen.",
            _ when result.Error.Kind == ErrorKind.Validation => "Bitte eine gültige E-Mail-Adresse angeben, z. B. name@beispiel.de.",
            _ => "Die Einladung ging nicht.",
        };
        Response.StatusCode = result.Error.Kind switch { ErrorKind.Validation => 400, ErrorKind.Conflict => 409, _ => 403 };
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var result = await withdraw.Handle(new WithdrawInvitation(invitationId), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Einladung zurückgezogen.";
            return RedirectToPage();
        }

        Problem = "Diese Einladung ist nicht mehr offen.";
        Response.StatusCode = result.Error.Kind == ErrorKind.NotFound ? 404 : 409;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Takes a member out of the office's pool (ADR 0048); the form carries the membership's version.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(Guid interpreterId, int? termsVersion, CancellationToken cancellationToken)
    {
        var result = await remove.Handle(new RemoveFromPool(interpreterId, termsVersion), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Aus dem Pool genommen. Vergangene Einsätze und Abrechnungen bleiben.";
            return RedirectToPage();
        }

        Problem = result.Error.Code switch
        {
            // A fixed text, so the English page shows it in English (the error's own message is German only).
            "upcoming-bookings" => "Diese Person hat noch kommende Einsätze bei der Stelle. Sie kann erst aus dem Pool genommen werden, wenn sie vorbei oder abgesagt sind.",
            "concurrent-edit" => "Die Mitgliedschaft wurde inzwischen geändert. Bitte prüfen Sie die Seite und versuchen Sie es noch einmal.",
            _ => "Diese Person ist nicht (mehr) im Pool der Stelle.",
        };
        Response.StatusCode = result.Error.Kind == ErrorKind.NotFound ? 404 : 409;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Invitations = (await invitations.Handle(new ListInvitations(), cancellationToken)).Value;
        Members = (await pool.Handle(new ListPool(), cancellationToken)).Value;
        var inPool = Members.Select(m => m.InterpreterId).ToHashSet();
        NotInPool = user.OfficeId is { } office
            ? [.. (await directory.GetStaffAsync(office, Roles.Interpreter, cancellationToken)).Where(s => !inPool.Contains(s.Id.Value)).OrderBy(s => s.DisplayName)]
            : [];
    }
}
