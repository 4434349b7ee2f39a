using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Appointments.Contracts;
using CaseWork.Modules.Clients.Contracts;
using CaseWork.Modules.Clients.Features.CaseFiles;
using CaseWork.Modules.Clients.Features.CaseRecords;
using CaseWork.Modules.Clients.Features.Consents;
using CaseWork.Modules.Clients.Features.ReadCaseFile;
using CaseWork.Modules.Clients.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Pages.Clients;

/// <summary>
/// The case file: header, timeline with filters, needs, goals, consents and important dates, with the forms to add
/// each inline. Every read is audited by the query. Supervisors see it pseudonymised until they state a reason.
/// After a successful change the page redirects to itself (post/redirect/get) and says what was saved.
/// </summary>
[Authorize(Roles = Roles.Streetworker + "," + Roles.Supervisor)]
internal sealed class CaseFileModel(
    IQueryHandler<ReadCaseFile, CaseFileView> read,
    IOfficeDirectory directory,
    TimeProvider time,
    IEnumerable<IAppointmentAttendance> attendance,
    IStringLocalizer<ModuleText> text) : ClientsPageModel(text)
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? NoteType { get; set; }

    [BindProperty(SupportsGet = true, Name = "topic")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public DateTimeOffset? Before { get; set; }

    [BindProperty(SupportsGet = true, Name = "beforeId")]
    public Guid? BeforeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "saved")]
    public string? Saved { get; set; }

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    [BindProperty]
    public NeedForm Need { get; set; } = new();

    [BindProperty]
    public GoalForm Goal { get; set; } = new();

    [BindProperty]
    public DateForm Date { get; set; } = new();

    [BindProperty]
    public ConsentForm Consent { get; set; } = new();

    [BindProperty]
    public CloseForm Close { get; set; } = new();

    public CaseFileView? View { get; private set; }

    public IReadOnlyDictionary<Guid, string> WorkerNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Appointments by outcome (no-shows counted) from the Appointments module's Contracts; null when that module is off.</summary>
    public ClientAttendance? Attendance { get; private set; }

    public bool CanWork => User.IsInRole(Roles.Streetworker);

    public bool NeedsReason => View is { Client.Named: false } && User.IsInRole(Roles.Supervisor);

    public DateOnly Today => OfficeCalendar.Today(time);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowAsync(null, cancellationToken);

    /// <summary>A supervisor opens the named file with a reason (recorded as a reasoned access).</summary>
    public async Task<IActionResult> OnPostNamedAsync([FromForm] string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            ModelState.AddModelError("reason", Text["Bitte geben Sie einen Grund an."]);
            return await ShowAsync(null, cancellationToken);
        }

        return await ShowAsync(reason.Trim(), cancellationToken);
    }

    public Task<IActionResult> OnPostNoteAsync(CancellationToken cancellationToken) =>
        RunAsync<AddNote, Guid>(
            new AddNote(ClientId, Note.Type, Note.LocalOccurredAt(), Note.DurationMinutes, Note.Topics, Note.Text), "note", nameof(Note), NoteForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostNeedAsync(CancellationToken cancellationToken) =>
        RunAsync<AddNeed, Guid>(new AddNeed(ClientId, Need.Area, Need.Description), "need", nameof(Need), NeedForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostNeedStatusAsync([FromForm] Guid needId, [FromForm] string? status, CancellationToken cancellationToken) =>
        RunAsync<ChangeNeedStatus, Unit>(new ChangeNeedStatus(ClientId, needId, status), "need-status", "NeedStatus", [], cancellationToken);

    public Task<IActionResult> OnPostGoalAsync(CancellationToken cancellationToken) =>
        RunAsync<AddGoal, Guid>(
            new AddGoal(ClientId, Goal.Title, SplitLines(Goal.NextSteps), Goal.DueOn, Goal.NeedId), "goal", nameof(Goal), GoalForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostCompleteGoalAsync([FromForm] Guid goalId, [FromForm] bool achieved, CancellationToken cancellationToken) =>
        RunAsync<CompleteGoal, Unit>(new CompleteGoal(ClientId, goalId, achieved), "goal-done", "CompleteGoal", [], cancellationToken);

    public Task<IActionResult> OnPostDateAsync(CancellationToken cancellationToken) =>
        RunAsync<AddImportantDate, Guid>(new AddImportantDate(ClientId, Date.Kind, Date.On, Date.Label), "date", nameof(Date), DateForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostConsentAsync(CancellationToken cancellationToken) =>
        RunAsync<GrantConsent, Guid>(
            new GrantConsent(
                ClientId, Consent.RecipientName, Consent.RecipientType, null, Consent.Purpose, Consent.DataCategories, Consent.GivenOn,
                Consent.GivenInLanguage, Consent.InterpreterHelped, Consent.Form, Consent.ValidUntil),
            "consent", nameof(Consent), ConsentForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostRevokeConsentAsync([FromForm] Guid consentId, CancellationToken cancellationToken) =>
        RunAsync<RevokeConsent, Unit>(new RevokeConsent(ClientId, consentId), "consent-revoked", "RevokeConsent", [], cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken cancellationToken) =>
        RunAsync<CloseCaseFile, int>(new CloseCaseFile(ClientId, Close.Version, Close.Reason, null, Close.Note), "closed", nameof(Close), CloseForm.Fields, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(CancellationToken cancellationToken) =>
        RunAsync<OpenCaseFile, int>(new OpenCaseFile(ClientId), "opened", "Reopen", [], cancellationToken);

    public string WorkerName(Guid? id) => id is { } worker && WorkerNames.TryGetValue(worker, out var name) ? name : "–";

    /// <summary>The next page of the timeline: after the last note shown, by time and id.</summary>
    public string OlderNotesLink(NoteView last) =>
        $"{TimelineLink(NoteType, Topic)}&before={Uri.EscapeDataString(last.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}&beforeId={last.Id}#notes";

    public string TimelineLink(string? type, string? topic) =>
        $"/Clients/CaseFile/{Id}?type={Uri.EscapeDataString(type ?? "")}&topic={Uri.EscapeDataString(topic ?? "")}";

    public static string LocalTime(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, OfficeCalendar.TimeZone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private ClientId ClientId => new(Id);

    private async Task<IActionResult> RunAsync<TCommand, TValue>(
        TCommand command, string savedKey, string formPrefix, IReadOnlyCollection<string> fields, CancellationToken cancellationToken)
        where TCommand : ICommand<TValue>
    {
        var handler = HttpContext.RequestServices.GetRequiredService<ICommandHandler<TCommand, TValue>>();
        var result = await handler.Handle(command, cancellationToken);
        if (result.IsSuccess)
        {
            return Redirect($"/Clients/CaseFile/{Id}?saved={savedKey}#{savedKey.Split('-')[0]}s");
        }

        return ShowError(result.Error!, formPrefix, fields) ?? await ShowAsync(null, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(string? reason, CancellationToken cancellationToken)
    {
        var result = await read.Handle(new ReadCaseFile(ClientId, Blank(NoteType), Blank(Topic), Before, reason, BeforeId), cancellationToken);
        if (!result.IsSuccess)
        {
            if (result.Error!.Kind == ErrorKind.Validation)
            {
                // A hand-edited filter: show the file unfiltered rather than an error page.
                NoteType = Topic = null;
                Before = null;
                BeforeId = null;
                result = await read.Handle(new ReadCaseFile(ClientId, AccessReason: reason), cancellationToken);
            }

            if (!result.IsSuccess)
            {
                return ShowError(result.Error!, "", []) ?? Page();
            }
        }

        View = result.Value;
        if (View.CaseFile is { } caseFile)
        {
            Close.Version = caseFile.Version;
        }

        if (User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier) is not null && View.Client.Named)
        {
            var office = User.FindFirst("casework:office")?.Value;
            if (Guid.TryParse(office, out var officeId))
            {
                var staff = await directory.GetStaffAsync(new BuildingBlocks.Ids.OfficeId(officeId), null, cancellationToken);
                WorkerNames = staff.ToDictionary(s => s.Id.Value, s => s.DisplayName);
            }
        }

        if (attendance.LastOrDefault() is { } appointments && Guid.TryParse(User.FindFirst("casework:office")?.Value, out var ownOffice))
        {
            Attendance = await appointments.GetAttendanceAsync(new BuildingBlocks.Ids.OfficeId(ownOffice), Id, cancellationToken);
        }

        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static List<string> SplitLines(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal sealed class NoteForm
    {
        public static readonly string[] Fields = [nameof(Type), nameof(OccurredAt), nameof(DurationMinutes), nameof(Topics), nameof(Text)];

        public string? Type { get; set; } = "Conversation";

        /// <summary>Local office time as typed (datetime-local); empty means now.</summary>
        public DateTime? OccurredAt { get; set; }

        public int? DurationMinutes { get; set; }

        public List<string> Topics { get; set; } = [];

        public string? Text { get; set; }

        public DateTimeOffset? LocalOccurredAt() =>
            OccurredAt is { } local
                ? new DateTimeOffset(local, OfficeCalendar.TimeZone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)))
                : null;
    }

    internal sealed class NeedForm
    {
        public static readonly string[] Fields = [nameof(Area), nameof(Description)];

        public string? Area { get; set; }

        public string? Description { get; set; }
    }

    internal sealed class GoalForm
    {
        public static readonly string[] Fields = [nameof(Title), nameof(NextSteps), nameof(DueOn), nameof(NeedId)];

        public string? Title { get; set; }

        public string? NextSteps { get; set; }

        public DateOnly? DueOn { get; set; }

        public Guid? NeedId { get; set; }
    }

    internal sealed class DateForm
    {
        public static readonly string[] Fields = [nameof(Kind), nameof(On), nameof(Label)];

        public string? Kind { get; set; }

        public DateOnly? On { get; set; }

        public string? Label { get; set; }
    }

    internal sealed class ConsentForm
    {
        public static readonly string[] Fields =
        [
            nameof(RecipientName), nameof(RecipientType), nameof(Purpose), nameof(DataCategories), nameof(GivenOn), nameof(GivenInLanguage),
            nameof(Form), nameof(ValidUntil),
        ];

        public string? RecipientName { get; set; }

        public string? RecipientType { get; set; }

        public string? Purpose { get; set; }

        public List<string> DataCategories { get; set; } = [];

        public DateOnly? GivenOn { get; set; }

        public string? GivenInLanguage { get; set; } = "de";

        public bool InterpreterHelped { get; set; }

        public string? Form { get; set; } = "Written";

        public DateOnly? ValidUntil { get; set; }
    }

    internal sealed class CloseForm
    {
        public static readonly string[] Fields = [nameof(Reason), nameof(Note)];

        public int Version { get; set; }

        public string? Reason { get; set; }

        public string? Note { get; set; }
    }
}
