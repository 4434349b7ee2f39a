using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Http;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Notifications;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Referrals.Features.Answer;
using CaseWork.Modules.Referrals.Features.ClientReferrals;
using CaseWork.Modules.Referrals.Features.Directory;
using CaseWork.Modules.Referrals.Features.Drafts;
using CaseWork.Modules.Referrals.Features.OpenReferrals;
using CaseWork.Modules.Referrals.Features.Outcomes;
using CaseWork.Modules.Referrals.Features.Partner;
using CaseWork.Modules.Referrals.Features.Refer;
using CaseWork.Modules.Referrals.Features.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CaseWork.Modules.Referrals.Features;

/// <summary>The module's JSON API under <c>/api/referrals</c>; each endpoint dispatches one use case.</summary>
internal static class ReferralsEndpoints
{
    private static readonly string[] Staff = [Roles.Streetworker, Roles.Supervisor];
    private static readonly string[] DirectoryReaders = [Roles.Streetworker, Roles.Supervisor, Roles.Administrator];
    private static readonly string[] ReferralReaders = [Roles.Streetworker, Roles.Supervisor, Roles.Partner];

    public static void Map(RouteGroupBuilder api)
    {
        var directory = api.MapGroup("/directory");
        directory.MapGet("/services", async (string? need, string? language, string? place, bool? takingNewClients,
                IQueryHandler<SearchServices, IReadOnlyList<ServiceListItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new SearchServices(need, language, place, takingNewClients ?? false), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(DirectoryReaders));
        directory.MapGet("/export", async (IQueryHandler<ExportDirectory, HsdsDirectory> handler, CancellationToken ct) =>
            (await handler.Handle(new ExportDirectory(), ct)).ToHttpResult(d => TypedResults.Json(d, Hsds.Json)))
            .RequireAuthorization(p => p.RequireRole(DirectoryReaders));
        directory.MapGet("/export.csv", async (IQueryHandler<ExportDirectory, HsdsDirectory> handler, CancellationToken ct) =>
            (await handler.Handle(new ExportDirectory(), ct)).ToHttpResult(d =>
                TypedResults.File(DirectoryCsv.Write(d).ToBytes(), "text/csv; charset=utf-8", "partnerverzeichnis.csv")))
            .RequireAuthorization(p => p.RequireRole(DirectoryReaders));
        directory.MapPost("/import", async (HttpRequest request, ICommandHandler<ImportDirectory, DirectoryImported> handler, CancellationToken ct) =>
            {
                var document = await ReadHsdsAsync(request, ct);
                return document.IsSuccess ? (await handler.Handle(new ImportDirectory(document.Value), ct)).ToHttpResult() : document.Error.ToProblem();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        directory.MapPost("/import.csv", async (HttpRequest request, ICommandHandler<ImportDirectoryCsv, DirectoryImported> handler, CancellationToken ct) =>
            {
                var content = await ReadBodyAsync(request, DirectoryCsvReader.MaxBytes, ct);
                return content is null
                    ? Error.Validation("file", "Die Datei ist größer als 5 MB.").ToProblem()
                    : (await handler.Handle(new ImportDirectoryCsv(content), ct)).ToHttpResult();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        directory.MapPut("/organisations/{organisationId:guid}/partners/{userId:guid}", async (Guid organisationId, Guid userId,
                ICommandHandler<LinkPartnerAccount, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new LinkPartnerAccount(organisationId, userId), ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        directory.MapDelete("/organisations/{organisationId:guid}/partners/{userId:guid}", async (Guid organisationId, Guid userId,
                ICommandHandler<UnlinkPartnerAccount, Unit> handler, CancellationToken ct) =>
            (await handler.Handle(new UnlinkPartnerAccount(organisationId, userId), ct)).ToHttpResult(_ => TypedResults.NoContent()))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        directory.MapGet("/organisations/{organisationId:guid}/partners", async (Guid organisationId,
                IQueryHandler<ListPartnerAccounts, PartnerAccountsView> handler, CancellationToken ct) =>
            (await handler.Handle(new ListPartnerAccounts(organisationId), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator));

        api.MapGet("/settings", async (IQueryHandler<GetReferralSettings, ReferralSettingsView> handler, CancellationToken ct) =>
            (await handler.Handle(new GetReferralSettings(), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(DirectoryReaders));
        api.MapPut("/settings", async (UpdateReferralSettings command, ICommandHandler<UpdateReferralSettings, ReferralSettingsView> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator));

        api.MapPost("/", async (ReferClient command, ICommandHandler<ReferClient, ReferralSentReceipt> handler, AgencyNotifier notifier, HttpRequest request, CancellationToken ct) =>
            {
                var result = await handler.Handle(command, ct);
                if (result.IsSuccess)
                {
                    await notifier.TellAgencyAsync(result.Value, request, ct);
                }

                return result.ToHttpResult(r => TypedResults.Created($"/api/referrals/{r.ReferralId}", r));
            })
            .RequireAuthorization(p => p.RequireRole(Staff));

        // Drafts: saved without a consent check; the consent gate decides when one is sent (ADR 0033).
        api.MapPost("/drafts", async (DraftReferral command, ICommandHandler<DraftReferral, ReferralDraftSaved> handler, CancellationToken ct) =>
            (await handler.Handle(command, ct)).ToHttpResult(r => TypedResults.Created($"/api/referrals/{r.ReferralId}", r)))
            .RequireAuthorization(p => p.RequireRole(Roles.Streetworker));
        api.MapGet("/drafts", async (IQueryHandler<ListMyDrafts, IReadOnlyList<DraftListItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListMyDrafts(), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapGet("/{id:guid}/draft", async (Guid id, IQueryHandler<GetReferralDraft, ReferralDraftDetails> handler, CancellationToken ct) =>
            (await handler.Handle(new GetReferralDraft(id), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapPut("/{id:guid}/draft", async (Guid id, DraftBody body, ICommandHandler<EditReferralDraft, ReferralDraftSaved> handler, CancellationToken ct) =>
            (await handler.Handle(body.ToCommand(id), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Roles.Streetworker));
        api.MapPost("/{id:guid}/send", async (Guid id, SendDraftBody body, ICommandHandler<SendReferralDraft, ReferralSentReceipt> handler, AgencyNotifier notifier,
                HttpRequest request, CancellationToken ct) =>
            {
                var result = await handler.Handle(new SendReferralDraft(id, body.Version, body.PublicBodyWarningAcknowledged, body.ConsentOverrideReason), ct);
                if (result.IsSuccess)
                {
                    await notifier.TellAgencyAsync(result.Value, request, ct);
                }

                return result.ToHttpResult();
            })
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapPost("/{id:guid}/discard", async (Guid id, VersionBody body, ICommandHandler<DiscardReferralDraft, ReferralDraftSaved> handler, CancellationToken ct) =>
            (await handler.Handle(new DiscardReferralDraft(id, body.Version), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapGet("/open", async (bool? mine, int? page, IQueryHandler<ListOpenReferrals, IReadOnlyList<OpenReferralItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListOpenReferrals(mine ?? false, page ?? 0), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapGet("/client/{clientId:guid}", async (Guid clientId, IQueryHandler<ListClientReferrals, IReadOnlyList<ClientReferralItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListClientReferrals(clientId), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Staff));
        api.MapGet("/{id:guid}", async (Guid id, IQueryHandler<GetReferral, ReferralView> handler, CancellationToken ct) =>
            (await handler.Handle(new GetReferral(id, null), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(ReferralReaders));
        api.MapPost("/{id:guid}/answer", async (Guid id, AnswerBody body, ICommandHandler<AnswerReferral, ReferralAnswered> handler, CancellationToken ct) =>
            (await handler.Handle(body.ToCommand(id, null), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(ReferralReaders));
        api.MapGet("/partner", async (IQueryHandler<ListPartnerReferrals, IReadOnlyList<PartnerReferralItem>> handler, CancellationToken ct) =>
            (await handler.Handle(new ListPartnerReferrals(), ct)).ToHttpResult())
            .RequireAuthorization(p => p.RequireRole(Roles.Partner));

        // The agency's secret link: no account, the token is the only key; it works for its referral until it expires.
        var agency = api.MapGroup("/agency/{token}").AllowAnonymous();
        agency.MapGet("/", async (string token, IQueryHandler<GetReferral, ReferralView> handler, CancellationToken ct) =>
            (await handler.Handle(new GetReferral(null, token), ct)).ToHttpResult());
        agency.MapPost("/answer", async (string token, AnswerBody body, ICommandHandler<AnswerReferral, ReferralAnswered> handler, CancellationToken ct) =>
            (await handler.Handle(body.ToCommand(null, token), ct)).ToHttpResult());

        var outcomes = api.MapGroup("/outcomes").RequireAuthorization(p => p.RequireRole(Roles.Supervisor));
        outcomes.MapGet("/", async (DateOnly from, DateOnly to, IQueryHandler<GetOutcomeReport, OutcomeReport> handler, CancellationToken ct) =>
            (await handler.Handle(new GetOutcomeReport(from, to), ct)).ToHttpResult());
        outcomes.MapGet("/{table}.csv", async (string table, DateOnly from, DateOnly to, IQueryHandler<GetOutcomeReport, OutcomeReport> handler, CancellationToken ct) =>
            !OutcomeCsv.Tables.Contains(table)
                ? Error.NotFound("table-not-found", "Diese Tabelle gibt es nicht.").ToProblem()
                : (await handler.Handle(new GetOutcomeReport(from, to), ct)).ToHttpResult(r =>
                    TypedResults.File(OutcomeCsv.Write(r, table).ToBytes(), "text/csv; charset=utf-8", $"weitervermittlungen-{table}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv")));
    }

    /// <summary>The raw request body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static async Task<Result<HsdsDirectory>> ReadHsdsAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            var document = await System.Text.Json.JsonSerializer.DeserializeAsync<HsdsDirectory>(request.Body, Hsds.Json, ct);
            return document is null ? Error.Validation("organizations", "Das Dokument ist leer.") : document;
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Error.Validation("document", $"Kein gültiges HSDS-JSON: {ex.Message}");
        }
    }
}

/// <summary>An answer as the API and the answer page take it.</summary>
internal sealed record AnswerBody(
    string Action, int Version, string? DeclinedBy = null, string? Reason = null, int? Position = null, DateOnly? ExpectedOn = null, string? Outcome = null, string? Note = null)
{
    public AnswerReferral ToCommand(Guid? id, string? token) => new(id, token, Action ?? "", Version, DeclinedBy, Reason, Position, ExpectedOn, Outcome, Note);
}

/// <summary>A draft's content as <c>PUT /api/referrals/{id}/draft</c> takes it, with the version the worker saw.</summary>
internal sealed record DraftBody(
    int Version, Guid ServiceId, IReadOnlyList<Guid>? NeedIds = null, IReadOnlyList<string>? Categories = null, string? Urgency = null, string? Message = null,
    bool PublicBodyWarningAcknowledged = false)
{
    public EditReferralDraft ToCommand(Guid id) => new(id, Version, ServiceId, NeedIds, Categories, Urgency, Message, PublicBodyWarningAcknowledged);
}

/// <summary>Sending a saved draft: the version seen, the public-body acknowledgement and (supervisors) an override reason.</summary>
internal sealed record SendDraftBody(int Version, bool PublicBodyWarningAcknowledged = false, string? ConsentOverrideReason = null);

/// <summary>Just the version the caller saw.</summary>
internal sealed record VersionBody(int Version);

/// <summary>Mails the agency its secret answer link after a referral was sent (after the commit: a lost mail can be re-sent, a rolled-back referral cannot be un-mailed).</summary>
internal sealed partial class AgencyNotifier(IEmailSender email, ILogger<AgencyNotifier> logger)
{
    public async Task TellAgencyAsync(ReferralSentReceipt receipt, HttpRequest request, CancellationToken cancellationToken)
    {
        if (receipt.AgencyEmail is not { Length: > 0 } address)
        {
            return;
        }

        var link = $"{request.Scheme}://{request.Host}{receipt.AgencyLink}";
        var body = $"""
            Guten Tag,

            Sie haben eine neue Weitervermittlung erhalten ({receipt.RecipientName}).
            Bitte antworten Sie über diesen persönlichen Link (gültig bis {receipt.AgencyLinkExpiresAt:dd.MM.yyyy}):

            {link}

            Der Link zeigt nur die Angaben, deren Weitergabe die Person zugestimmt hat. Bitte leiten Sie ihn nicht weiter.
            """;
        try
        {
            await email.SendAsync(new EmailMessage(address, "Neue Weitervermittlung", body, "de"), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMailFailed(ex, receipt.ReferralId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The agency mail for referral {ReferralId} could not be sent; the worker has the link")]
    private partial void LogMailFailed(Exception exception, Guid referralId);
}
