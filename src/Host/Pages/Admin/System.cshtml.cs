using System.Globalization;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Infrastructure.Auditing;
using CaseWork.BuildingBlocks.Infrastructure.Modules;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Host.Pages.Admin;

/// <summary>
/// Administrators' view of the plumbing: integration events waiting in each module's outbox, and whether the audit
/// chain verifies. Shows no personal data: event types and errors only, never event content.
/// </summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class SystemModel(IServiceProvider services, IReadOnlyList<IModule> modules, AuditTrailVerifier verifier) : PageModel
{
    public IReadOnlyList<OutboxState> Outboxes { get; private set; } = [];

    public AuditVerificationResult Audit { get; private set; } = new(true, 0, [], null);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var outboxes = new List<OutboxState>();
        foreach (var module in modules)
        {
            var db = (ModuleDbContext)services.GetRequiredService(module.DbContextType);
            var pending = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null);
            outboxes.Add(new OutboxState(
                CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? module.TitleDe : module.TitleEn,
                await pending.CountAsync(cancellationToken),
                await pending.CountAsync(m => m.Attempts > 0, cancellationToken),
                await pending.Where(m => m.LastError != null).OrderByDescending(m => m.OccurredAt).Select(m => m.LastError).FirstOrDefaultAsync(cancellationToken)));
        }

        Outboxes = outboxes;
        Audit = await verifier.VerifyAsync(cancellationToken);
    }

    internal sealed record OutboxState(string Module, int Pending, int Failing, string? LastError);
}
