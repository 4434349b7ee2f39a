namespace CaseWork.BuildingBlocks.Ids;

/// <summary>Identifies a signed-in person (worker, interpreter, supervisor, administrator).</summary>
public readonly record struct UserId(Guid Value) : IStronglyTypedId<UserId>
{
    /// <inheritdoc />
    public static UserId From(Guid value) => new(value);

    /// <inheritdoc />
    public static UserId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
