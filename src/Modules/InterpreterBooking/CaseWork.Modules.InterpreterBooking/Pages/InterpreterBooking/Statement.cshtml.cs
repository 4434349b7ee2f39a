using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Features.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The interpreter's monthly statement as a printable page (CSV from the API).</summary>
[Authorize(Roles = Roles.Interpreter)]
internal sealed class StatementModel(IQueryHandler<MyStatement, Statement> statement, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Month { get; set; }

    public Statement? Statement { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = Display.Local(clock.GetUtcNow());
        var result = await statement.Handle(new MyStatement(Year ?? now.Year, Month ?? now.Month), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Error.Kind == BuildingBlocks.Results.ErrorKind.Validation ? BadRequest() : Page();
        }

        Statement = result.Value;
        return Page();
    }
}
