using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>Coordinators: the office's requests by state, and a form for a request that is not an appointment.</summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class RequestsModel(
    IQueryHandler<ListRequests, IReadOnlyList<RequestLine>> list,
    ICommandHandler<CreateRequest, CreatedRequest> create) : PageModel
{
    public IReadOnlyList<RequestLine> Requests { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public RequestState? State { get; set; }

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = (await list.Handle(new ListRequests(State), cancellationToken)).Value;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var start = Input.Start();
            var result = await create.Handle(new CreateRequest(
                Input.Language ?? "", Input.Dialect, Input.Modality, start, Input.DurationMinutes, Input.Place, Input.District, Input.SubjectArea,
                Input.PreferredGender, Input.Notes, null), cancellationToken);
            if (result.IsSuccess)
            {
                return RedirectToPage("Request", new { id = result.Value.RequestId });
            }

            foreach (var (field, messages) in result.Error.FieldErrors ?? new Dictionary<string, string[]>())
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError($"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
                }
            }
        }

        Response.StatusCode = 400;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}
