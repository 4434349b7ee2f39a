using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.Referrals.Features.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.Referrals.Pages.Referrals;

/// <summary>The supervisors' outcome view: charts readable without colour, the same figures as tables, CSV per table.</summary>
[Authorize(Roles = Roles.Supervisor)]
internal sealed class OutcomesModel(IQueryHandler<GetOutcomeReport, OutcomeReport> report) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public OutcomeReport? Report { get; private set; }

    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A period left open is the year up to the office's today, which only the report knows (its time zone).
        var result = await report.Handle(new GetOutcomeReport(From, To), cancellationToken);
        if (result.IsSuccess)
        {
            Report = result.Value;
            (From, To) = (Report.From, Report.To);
        }
        else
        {
            ModelState.AddModelError("", result.Error.FieldErrors?.Values.SelectMany(m => m).FirstOrDefault() ?? result.Error.Message);
        }
    }

    /// <summary>Bar length out of 100 relative to the largest value (at least a sliver for non-zero values, so they stay visible).</summary>
    public static string Width(double value, double max) =>
        max <= 0 || value <= 0 ? "0" : Math.Max(1, Math.Round(100 * value / max)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
