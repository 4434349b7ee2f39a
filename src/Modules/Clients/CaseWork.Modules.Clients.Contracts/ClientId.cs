using CaseWork.BuildingBlocks.Ids;

namespace CaseWork.Modules.Clients.Contracts;

/// <summary>Identifies a client (a person with a record in the Clients module); other modules hold clients by this id only.</summary>
public readonly record struct ClientId(Guid Value) : IStronglyTypedId<ClientId>
{
    /// <inheritdoc />
    public static ClientId From(Guid value) => new(value);

    /// <inheritdoc />
    public static ClientId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
