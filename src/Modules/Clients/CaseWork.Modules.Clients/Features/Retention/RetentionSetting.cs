using CaseWork.BuildingBlocks.Auditing;
using CaseWork.BuildingBlocks.Identity;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.Modules.Clients.Features.Retention;

/// <summary>The administrator's office retention period in years (3 unless changed).</summary>
internal sealed record GetRetentionSetting : IQuery<RetentionSettingView>;

/// <summary>Changes the office's retention period (administrators).</summary>
internal sealed record ChangeRetentionSetting(int Years) : ICommand<RetentionSettingView>;

internal sealed record RetentionSettingView(int Years, bool IsDefault, DateTimeOffset? ChangedAt);

internal sealed class ChangeRetentionSettingValidator : AbstractValidator<ChangeRetentionSetting>
{
    public ChangeRetentionSettingValidator() =>
        RuleFor(c => c.Years).InclusiveBetween(RetentionPeriod.MinYears, RetentionPeriod.MaxYears);
}

internal static class RetentionAccess
{
    public static Error? EnsureAdministrator(ICurrentUser user) =>
        user.IsInRole(Roles.Administrator) && user.OfficeId is not null
            ? null
            : Error.Forbidden("administrators-only", "Only administrators change the retention period.");
}

internal sealed class GetRetentionSettingHandler(ClientsDbContext db, ICurrentUser user) : IQueryHandler<GetRetentionSetting, RetentionSettingView>
{
    public async Task<Result<RetentionSettingView>> Handle(GetRetentionSetting query, CancellationToken cancellationToken)
    {
        if (RetentionAccess.EnsureAdministrator(user) is { } denied)
            return denied;
        var setting = await db.RetentionSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return setting is null
            ? new RetentionSettingView(RetentionPeriod.DefaultYears, true, null)
            : new RetentionSettingView(setting.RetentionYears, false, setting.ChangedAt);
    }
}

internal sealed class ChangeRetentionSettingHandler(ClientsDbContext db, ICurrentUser user, IAuditTrail audit, TimeProvider time)
    : ICommandHandler<ChangeRetentionSetting, RetentionSettingView>
{
    public async Task<Result<RetentionSettingView>> Handle(ChangeRetentionSetting command, CancellationToken cancellationToken)
    {
        if (RetentionAccess.EnsureAdministrator(user) is { } denied)
            return denied;
        var now = time.GetUtcNow();
        var setting = await db.RetentionSettings.FirstOrDefaultAsync(cancellationToken);
        if (setting is null)
            db.RetentionSettings.Add(OfficeRetentionSetting.For(user.OfficeId!.Value, command.Years, now));
        else
            setting.Change(command.Years, now);
        await audit.RecordAsync(new AuditRecord(Contracts.ClientsContract.ModuleName, AuditAction.Update, "RetentionSetting",
            user.OfficeId!.Value.ToString(), Details: $"{command.Years} years"), cancellationToken);
        return new RetentionSettingView(command.Years, false, now);
    }
}
