using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Figures;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>Monthly figures per language for funding reports, fill rate, unmet demand and workload, as tables and bars.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class FiguresModel(IQueryHandler<OfficeFigures, Figures> figures, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    public Figures Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = Display.Local(clock.GetUtcNow());
        var result = await figures.Handle(new OfficeFigures(Year ?? now.Year, Month ?? now.Month), cancellationToken);
        if (!result.IsSuccess)
        {
            return BadRequest();
        }

        Figures = result.Value;
        return Page();
    }
}
