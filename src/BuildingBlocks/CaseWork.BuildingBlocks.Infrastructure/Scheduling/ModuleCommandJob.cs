using CaseWork.BuildingBlocks.Messaging;
using CaseWork.BuildingBlocks.Results;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CaseWork.BuildingBlocks.Infrastructure.Scheduling;

/// <summary>
/// A thin scheduled job: dispatches one command of its module and nothing else. The logic lives in the command's handler,
/// which reads the time from <see cref="TimeProvider"/> and is tested with a fake clock and no scheduler; so the scheduling
/// engine can be swapped without touching a use case.
/// </summary>
/// <remarks>
/// The scheduler resolves the job from a dependency-injection scope it opens for each run and disposes afterwards, so the
/// handler — decorated with logging, validation and the module's unit of work — gets a fresh DbContext per run.
/// A failed <see cref="Result{TValue}"/> is logged, not thrown: it is an answer of the use case (e.g. a conflict), and the
/// next run tries again. An exception is a bug or an outage; the scheduler records it and the schedule carries on.
/// </remarks>
/// <example>
/// <code>
/// [DisallowConcurrentExecution]
/// internal sealed class SendDueRemindersJob(ICommandHandler&lt;SendDueReminders, int&gt; handler, ILogger&lt;SendDueRemindersJob&gt; logger)
///     : ModuleCommandJob&lt;SendDueReminders, int&gt;(handler, logger)
/// {
///     protected override SendDueReminders CreateCommand(IJobExecutionContext context) =&gt; new();
/// }
/// </code>
/// </example>
/// <typeparam name="TCommand">The module's command.</typeparam>
/// <typeparam name="TValue">What the command returns on success.</typeparam>
public abstract partial class ModuleCommandJob<TCommand, TValue> : IJob
    where TCommand : ICommand<TValue>
{
    private readonly ICommandHandler<TCommand, TValue> _handler;
    private readonly ILogger _logger;

    /// <summary>Creates the job with the handler and logger of the run's scope.</summary>
    protected ModuleCommandJob(ICommandHandler<TCommand, TValue> handler, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        _handler = handler;
        _logger = logger;
    }

    /// <summary>Builds the command for this run; usually a parameterless sweep command.</summary>
    protected abstract TCommand CreateCommand(IJobExecutionContext context);

    /// <inheritdoc />
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await _handler.Handle(CreateCommand(context), cancellationToken);
        if (!result.IsSuccess)
        {
            LogCommandFailed(_logger, context.JobDetail.Key.ToString(), typeof(TCommand).Name, result.Error.Kind, result.Error.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} dispatched {Command}, which failed: {Kind} {Code}; the next run tries again")]
    private static partial void LogCommandFailed(ILogger logger, string job, string command, ErrorKind kind, string code);
}
