using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The interpreter portal: open offers to accept or decline, and my jobs.</summary>
/// <remarks>
/// The page is built with the four reads every visit needs. Each post's command handler is asked for by that post only
/// (<c>[FromServices]</c>), so a visit does not build seven handler chains it does not use (ADR 0051).
/// </remarks>
[Authorize(Roles = Roles.Interpreter)]
internal sealed class PortalModel(
    IQueryHandler<MyOffers, IReadOnlyList<OfferView>> offers,
    IQueryHandler<MyJobs, IReadOnlyList<JobView>> jobs,
    IQueryHandler<MyInvitations, IReadOnlyList<MyInvitationView>> invitations,
    IQueryHandler<MyOffices, IReadOnlyList<MyOfficeView>> offices,
    InterpreterBookingDbContext db) : PageModel
{
    /// <summary>The offices whose pool the interpreter is in, each with a way to leave it (ADR 0048).</summary>
    public IReadOnlyList<MyOfficeView> Offices { get; private set; } = [];

    /// <summary>Other offices asking the interpreter to join their pool (ADR 0038).</summary>
    public IReadOnlyList<MyInvitationView> Invitations { get; private set; } = [];

    public IReadOnlyList<OfferView> Offers { get; private set; } = [];

    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(Guid offerId, [FromServices] ICommandHandler<AcceptOffer, AcceptedOffer> accept, CancellationToken cancellationToken)
    {
        var result = await accept.Handle(new AcceptOffer(offerId), cancellationToken);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "Angenommen. Der Einsatz steht jetzt unter „Meine Einsätze“.", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid offerId, string? reason, [FromServices] ICommandHandler<DeclineOffer, Unit> decline, CancellationToken cancellationToken)
    {
        var result = await decline.Handle(new DeclineOffer(offerId, reason ?? ""), cancellationToken);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "Abgelehnt.", cancellationToken);
    }

    public async Task<IActionResult> OnPostReconfirmAsync(
        Guid bookingId, bool confirmed, [FromServices] ICommandHandler<ReconfirmBooking, Unit> reconfirm, CancellationToken cancellationToken)
    {
        var result = await reconfirm.Handle(new ReconfirmBooking(bookingId, confirmed, confirmed ? null : "neue Zeit passt nicht"), cancellationToken);
        return await AfterAsync(result.IsSuccess ? null : result.Error, confirmed ? "Neue Zeit bestätigt." : "Einsatz zurückgegeben.", cancellationToken);
    }

    public async Task<IActionResult> OnPostRecordAsync(
        Guid bookingId, DateOnly? day, TimeOnly? from, TimeOnly? to, int travelMinutes, decimal kilometres,
        [FromServices] ICommandHandler<RecordJob, Unit> record, CancellationToken cancellationToken)
    {
        if (day is null || from is null || to is null)
        {
            return await AfterAsync(Error.Validation("actualStart", "missing"), "", cancellationToken);
        }

        var result = await record.Handle(new RecordJob(bookingId, Instant(day.Value, from.Value), Instant(day.Value, to.Value), travelMinutes, kilometres), cancellationToken);
        return await AfterAsync(result.IsSuccess ? null : result.Error, "Einsatz erfasst. Die Stelle bestätigt ihn.", cancellationToken);
    }

    public async Task<IActionResult> OnPostAnswerInvitationAsync(
        Guid invitationId, bool accept, [FromServices] ICommandHandler<AnswerInvitation, Unit> answerInvitation, CancellationToken cancellationToken)
    {
        var result = await answerInvitation.Handle(new AnswerInvitation(invitationId, accept), cancellationToken);
        if (result.IsSuccess)
        {
            Message = accept ? "Einladung angenommen. Sie sind jetzt auch im Pool dieser Stelle." : "Einladung abgelehnt.";
            return RedirectToPage();
        }

        Problem = "Diese Einladung ist nicht mehr offen: sie wurde schon beantwortet, zurückgezogen oder ist abgelaufen.";
        Response.StatusCode = result.Error.Kind == ErrorKind.NotFound ? 404 : 409;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostLeavePoolAsync(Guid officeId, int? version, [FromServices] ICommandHandler<LeavePool, Unit> leave, CancellationToken cancellationToken)
    {
        var result = await leave.Handle(new LeavePool(officeId, version), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Sie haben den Pool dieser Stelle verlassen. Sie bekommt Ihr Profil nicht mehr zu sehen und schickt Ihnen keine Anfragen mehr.";
            return RedirectToPage();
        }

        Problem = result.Error.Code switch
        {
            // A fixed text, so the English page shows it in English; the page lists the jobs in the way under the office.
            "upcoming-bookings" => "Sie haben noch kommende Einsätze bei dieser Stelle. Sie können den Pool erst verlassen, wenn sie vorbei oder abgesagt sind.",
            "concurrent-edit" => "Die Mitgliedschaft wurde inzwischen geändert. Bitte prüfen Sie die Seite und versuchen Sie es noch einmal.",
            _ => "Sie sind nicht (mehr) im Pool dieser Stelle.",
        };
        Response.StatusCode = result.Error.Kind == ErrorKind.NotFound ? 404 : 409;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static DateTimeOffset Instant(DateOnly day, TimeOnly time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Domain.BookingPolicy.DefaultTimeZone);
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private async Task<IActionResult> AfterAsync(Error? error, string success, CancellationToken cancellationToken)
    {
        if (error is null)
        {
            Message = success;
            return RedirectToPage();
        }

        Problem = error.Kind switch
        {
            ErrorKind.Validation when error.FieldErrors?.ContainsKey("reason") ?? false => "Bitte geben Sie einen Grund an.",
            ErrorKind.Validation => "Bitte die Zeiten prüfen: das Ende liegt nach dem Beginn, Fahrzeit und Kilometer sind nicht negativ.",
            ErrorKind.NotFound => "Dieses Angebot gibt es nicht (mehr).",
            _ => error.Code switch
            {
                "interpreter-busy" => "Sie haben zu dieser Zeit schon einen Einsatz (mit Fahrzeit).",
                "daily-maximum" => "Sie haben an diesem Tag schon die Höchstzahl an Einsätzen.",
                _ => "Dieser Einsatz ist nicht mehr offen: jemand anderes hat ihn übernommen oder er wurde zurückgezogen.",
            },
        };
        Response.StatusCode = error.Kind == ErrorKind.Validation ? 400 : error.Kind == ErrorKind.NotFound ? 404 : 409;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// The four reads. On SQLite they share one connection to the module's file, held open for them all, so the handlers do
    /// not each open and close one (ADR 0053). On PostgreSQL every read takes its own turn at the pool: a connection held
    /// here while the job list waits for a connection of another module (the office directory, the audit) would let a
    /// pool's worth of visits hold every connection and wait for one more.
    /// </summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var holdConnection = !db.OnPostgres;
        if (holdConnection)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            Offers = (await offers.Handle(new MyOffers(), cancellationToken)).Value;
            Jobs = (await jobs.Handle(new MyJobs(), cancellationToken)).Value;
            Invitations = (await invitations.Handle(new MyInvitations(), cancellationToken)).Value;
            Offices = (await offices.Handle(new MyOffices(), cancellationToken)).Value;
        }
        finally
        {
            if (holdConnection)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
