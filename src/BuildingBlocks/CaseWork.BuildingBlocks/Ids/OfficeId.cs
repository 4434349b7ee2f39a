namespace CaseWork.BuildingBlocks.Ids;

/// <summary>Identifies a counselling office; every case record belongs to exactly one office.</summary>
public readonly record struct OfficeId(Guid Value) : IStronglyTypedId<OfficeId>
{
    /// <inheritdoc />
    public static OfficeId From(Guid value) => new(value);

    /// <inheritdoc />
    public static OfficeId New() => new(Guid.CreateVersion7());

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
