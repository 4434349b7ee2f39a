using CaseWork.BuildingBlocks.Infrastructure.Persistence;
using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using CaseWork.Modules.CanaryA.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CaseWork.CanaryHost;

internal sealed record ApproveInvoice(Guid InvoiceId) : ICommand<bool>;

/// <summary>Violation: a command handler in the host.</summary>
internal sealed class ApproveInvoiceHandler : ICommandHandler<ApproveInvoice, bool>
{
    public Task<Result<bool>> Handle(ApproveInvoice command, CancellationToken cancellationToken) =>
        Task.FromResult(Result<bool>.Success(true));
}

internal sealed record CountLedgers : IQuery<int>;

internal abstract class ReportHandler<TQuery, TValue> : IQueryHandler<TQuery, TValue>
    where TQuery : IQuery<TValue>
{
    public abstract Task<Result<TValue>> Handle(TQuery query, CancellationToken cancellationToken);
}

/// <summary>Violation: a query handler in the host, only through its base class.</summary>
internal sealed class CountLedgersHandler : ReportHandler<CountLedgers, int>
{
    public override Task<Result<int>> Handle(CountLedgers query, CancellationToken cancellationToken) =>
        Task.FromResult(Result<int>.Success(0));
}

/// <summary>Violation: an integration-event handler in the host.</summary>
internal sealed class LedgerOpenedAuditor : IIntegrationEventHandler<LedgerOpened>
{
    public Task Handle(LedgerOpened integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Violation: a module store owned by the host.</summary>
internal sealed class HostReportingDbContext(DbContextOptions<HostReportingDbContext> options) : ModuleDbContext(options)
{
    public override StoreDescriptor Store { get; } = new("reporting", "reporting");
}
