using System.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Ids;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.InterpreterBooking.Domain;
using CaseWork.Modules.InterpreterBooking.Features.Pool;
using CaseWork.Modules.InterpreterBooking.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CaseWork.Modules.InterpreterBooking.Pages.InterpreterBooking;

/// <summary>
/// A coordinator creates or edits a pool member's profile: languages with dialects and qualification, modalities, area,
/// gender, weekly hours, absences, daily maximum, fee rates; and declares conflicts of interest with clients.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class InterpreterModel(
    IQueryHandler<GetPoolMember, PoolMemberDetails> get,
    ICommandHandler<SaveInterpreter, SavedInterpreter> save,
    ICommandHandler<DeclareConflict, Guid> declare,
    ICommandHandler<WithdrawConflict, Unit> withdraw,
    IOfficeDirectory directory,
    ICurrentUser user,
    ClientFacts clients) : PageModel
{
    public const int LanguageRows = 4;

    public PoolMemberDetails? Member { get; private set; }

    /// <summary>The account's name when the interpreter is not in the pool yet (the form creates the profile).</summary>
    public string DisplayName { get; private set; } = "";

    public IReadOnlyDictionary<Guid, string> ClientCodes { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<ClientPickItem> Candidates { get; private set; } = [];

    public string? ConflictReason { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSaveAsync(
        Guid id, string? email, string? phone, string? gender, string?[] language, string?[] dialects, Qualification[] qualification,
        bool inPerson, bool phoneJobs, bool video, string? districts, int? travelRadiusKm, int dailyMaximum,
        decimal hourly, decimal travelHourly, decimal perKilometre, string?[] from, string?[] to,
        int[]? keepAbsence, DateOnly? absentFrom, DateOnly? absentTo, string? absenceNote, int? version, int? termsVersion,
        CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var languages = new List<LanguageSkill>();
        for (var i = 0; i < language.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(language[i]))
            {
                var names = (dialects.ElementAtOrDefault(i) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                languages.Add(new LanguageSkill(language[i]!, names, qualification.ElementAtOrDefault(i)));
            }
        }

        var weekly = new List<WeeklySlot>();
        for (var i = 0; i < AvailabilityModel.Week.Length; i++)
        {
            if (TimeOnly.TryParse(from.ElementAtOrDefault(i), CultureInfo.InvariantCulture, out var start)
                && TimeOnly.TryParse(to.ElementAtOrDefault(i), CultureInfo.InvariantCulture, out var end))
            {
                weekly.Add(new WeeklySlot(AvailabilityModel.Week[i], start, end));
            }
        }

        var keep = keepAbsence?.ToHashSet() ?? [];
        var absences = (Member?.Absences ?? []).Where((_, i) => keep.Contains(i)).ToList();
        if (absentFrom is { } first && absentTo is { } last)
        {
            absences.Add(new Absence(first, last, string.IsNullOrWhiteSpace(absenceNote) ? null : absenceNote.Trim()));
        }

        var modalities = (inPerson ? Modalities.InPerson : Modalities.None) | (phoneJobs ? Modalities.Phone : Modalities.None) | (video ? Modalities.Video : Modalities.None);
        var result = await save.Handle(new SaveInterpreter(
            id, email, phone, string.IsNullOrWhiteSpace(gender) ? null : gender, languages, modalities,
            (districts ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), travelRadiusKm, dailyMaximum,
            new FeeRates(hourly, travelHourly, perKilometre, "EUR"), version, weekly, absences, termsVersion), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Gespeichert.";
            return RedirectToPage(new { id });
        }

        return Failed(result.Error);
    }

    public async Task<IActionResult> OnPostFindClientAsync(Guid id, string? term, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Member is null)
        {
            return NotFound();
        }

        ConflictReason = reason;
        Candidates = user.OfficeId is { } office ? await clients.FindAsync(office, term ?? "", cancellationToken) : [];
        if (Candidates.Count == 0)
        {
            Problems = ["Keine passende Klient*in gefunden."];
            Response.StatusCode = 400;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, Guid clientId, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Member is null)
        {
            return NotFound();
        }

        var result = await declare.Handle(new DeclareConflict(id, clientId, reason ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Interessenkonflikt eingetragen: diese Person bekommt keine Einsätze mit der Klient*in.";
            return RedirectToPage(new { id });
        }

        return Failed(result.Error);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid conflictId, CancellationToken cancellationToken)
    {
        var result = await withdraw.Handle(new WithdrawConflict(id, conflictId), cancellationToken);
        if (result.IsSuccess)
        {
            Message = "Interessenkonflikt entfernt.";
            return RedirectToPage(new { id });
        }

        return await LoadAsync(id, cancellationToken) ? Failed(result.Error) : NotFound();
    }

    private PageResult Failed(Error error)
    {
        Problems = error.Kind switch
        {
            ErrorKind.Validation when error.FieldErrors is { Count: > 0 } fields => [.. fields.Select(f => f.Key + ": " + string.Join(" ", f.Value))],
            ErrorKind.Conflict when error.Code == "conflict-already-declared" => ["Dieser Interessenkonflikt ist schon eingetragen."],
            ErrorKind.Conflict => ["Das Profil wurde inzwischen anderswo geändert. Bitte neu laden und erneut speichern."],
            ErrorKind.NotFound => ["Nicht gefunden."],
            _ => [error.Message],
        };
        Response.StatusCode = error.Kind switch { ErrorKind.Validation => 400, ErrorKind.Conflict => 409, ErrorKind.NotFound => 404, _ => 400 };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var result = await get.Handle(new GetPoolMember(id), cancellationToken);
        if (result.IsSuccess)
        {
            Member = result.Value;
            DisplayName = Member.DisplayName;
            var clientIds = Member.Conflicts.Where(c => c.ClientId is not null).Select(c => c.ClientId!.Value).ToList();
            ClientCodes = user.OfficeId is { } office ? await clients.CodesAsync(office, clientIds, cancellationToken) : new Dictionary<Guid, string>();
            return true;
        }

        // Not in the pool yet: an interpreter account of this office may be added.
        var account = await directory.GetUserAsync(new UserId(id), cancellationToken);
        if (account is null || account.OfficeId != user.OfficeId || !account.Roles.Contains(Roles.Interpreter))
        {
            return false;
        }

        DisplayName = account.DisplayName;
        return true;
    }
}
