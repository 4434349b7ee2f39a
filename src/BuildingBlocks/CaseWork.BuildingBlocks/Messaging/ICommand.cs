using CaseWork.BuildingBlocks.Results;

namespace CaseWork.BuildingBlocks.Messaging;

/// <summary>A request that changes state; its handler runs inside the module's unit of work.</summary>
/// <typeparam name="TValue">What the command returns on success.</typeparam>
public interface ICommand<TValue>;

/// <summary>A request that only reads.</summary>
/// <typeparam name="TValue">What the query returns on success.</typeparam>
public interface IQuery<TValue>;

/// <summary>Handles one command. Registered by scanning and decorated with validation, unit of work and logging.</summary>
public interface ICommandHandler<in TCommand, TValue>
    where TCommand : ICommand<TValue>
{
    /// <summary>Runs the use case.</summary>
    Task<Result<TValue>> Handle(TCommand command, CancellationToken cancellationToken);
}

/// <summary>Handles one query. Registered by scanning and decorated with validation and logging.</summary>
public interface IQueryHandler<in TQuery, TValue>
    where TQuery : IQuery<TValue>
{
    /// <summary>Runs the query.</summary>
    Task<Result<TValue>> Handle(TQuery query, CancellationToken cancellationToken);
}
