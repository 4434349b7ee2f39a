using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>The interpreter's weekly hours (one window per weekday) and absences.</summary>
[Authorize(Roles = Roles.Interpreter)]
internal sealed class AvailabilityModel(
    IQueryHandler<GetMyAvailability, Availability> get,
    ICommandHandler<SaveMyAvailability, int> save) : PageModel
{
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public Availability? Current { get; private set; }

    public string? Problem { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetMyAvailability(), cancellationToken);
        Current = result.IsSuccess ? result.Value : null;
    }

    public async Task<IActionResult> OnPostWeekAsync(string?[] from, string?[] to, int dailyMaximum, int version, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (Current is null)
        {
            return NotFound();
        }

        var slots = new List<WeeklySlot>();
        for (var i = 0; i < Week.Length; i++)
        {
            var hasFrom = TimeOnly.TryParse(from.ElementAtOrDefault(i), System.Globalization.CultureInfo.InvariantCulture, out var start);
            var hasTo = TimeOnly.TryParse(to.ElementAtOrDefault(i), System.Globalization.CultureInfo.InvariantCulture, out var end);
            if (hasFrom && hasTo)
            {
                slots.Add(new WeeklySlot(Week[i], start, end));
            }
        }

        return await SaveAsync(Current with { Weekly = slots, DailyMaximum = dailyMaximum, Version = version }, cancellationToken);
    }

    public async Task<IActionResult> OnPostAbsenceAsync(DateOnly? absentFrom, DateOnly? absentTo, string? note, int version, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (Current is null)
        {
            return NotFound();
        }

        if (absentFrom is null || absentTo is null)
        {
            Problem = "Bitte erster und letzter Tag angeben.";
            Response.StatusCode = 400;
            return Page();
        }

        var absences = Current.Absences.Append(new Absence(absentFrom.Value, absentTo.Value, string.IsNullOrWhiteSpace(note) ? null : note.Trim())).ToList();
        return await SaveAsync(Current with { Absences = absences, Version = version }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAbsenceAsync(int index, int version, CancellationToken cancellationToken)
    {
        await OnGetAsync(cancellationToken);
        if (Current is null || index < 0 || index >= Current.Absences.Count)
        {
            return NotFound();
        }

        var absences = Current.Absences.Where((_, i) => i != index).ToList();
        return await SaveAsync(Current with { Absences = absences, Version = version }, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(Availability availability, CancellationToken cancellationToken)
    {
        var result = await save.Handle(new SaveMyAvailability(availability.Weekly, availability.Absences, availability.DailyMaximum, availability.Version), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Gespeichert.";
            return RedirectToPage();
        }

        Problem = result.Error.Kind == ErrorKind.Conflict
            ? "Ihre Angaben wurden inzwischen anderswo geändert. Bitte prüfen und erneut speichern."
            : "Bitte die Eingaben prüfen: Zeiten enden nach dem Beginn, Abwesenheiten nach dem ersten Tag, höchstens 12 Einsätze am Tag.";
        Response.StatusCode = result.Error.Kind == ErrorKind.Conflict ? 409 : 400;
        return Page();
    }
}
