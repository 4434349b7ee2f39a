using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Offers;
using CaseWork.Modules.InterpreterBooking.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// The link in an offer email: accept or decline without signing in. The secret token is the authorisation; the page shows
/// only what the offer shows in the portal (no place, no client) and works only while the offer is open.
/// </summary>
[AllowAnonymous]
internal sealed class LinkModel(
    InterpreterBookingDbContext db,
    ICommandHandler<AcceptOffer, AcceptedOffer> accept,
    ICommandHandler<DeclineOffer, Unit> decline) : PageModel
{
    public InterpreterRequest? Job { get; private set; }

    public Offer? Offer { get; private set; }

    public string? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken cancellationToken)
    {
        var result = await accept.Handle(new AcceptOffer(null, token), cancellationToken);
        Outcome = result.IsSuccess ? "Angenommen. Vielen Dank! Die Einzelheiten finden Sie im Portal." : Explain(result.Error);
        return await LoadAsync(token, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeclineAsync(string token, string? reason, CancellationToken cancellationToken)
    {
        var result = await decline.Handle(new DeclineOffer(null, reason ?? "", token), cancellationToken);
        Outcome = result.IsSuccess ? "Abgelehnt." : Explain(result.Error);
        return await LoadAsync(token, cancellationToken) ? Page() : NotFound();
    }

    private static string Explain(Error error) => error.Kind switch
    {
        ErrorKind.Validation => "Bitte geben Sie einen Grund an.",
        _ when error.Code == "interpreter-busy" => "Sie haben zu dieser Zeit schon einen Einsatz (mit Fahrzeit).",
        _ => "Dieser Einsatz ist nicht mehr offen: jemand anderes hat ihn übernommen oder er wurde zurückgezogen.",
    };

    private async Task<bool> LoadAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return false;
        }

        Offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.LinkToken == token, cancellationToken);
        Job = Offer is null ? null : await db.Requests.IgnoreQueryFilters().AsNoTracking().IgnoreAutoIncludes()
            .FirstOrDefaultAsync(r => r.Id == Offer.RequestId, cancellationToken);
        return Job is not null;
    }
}
