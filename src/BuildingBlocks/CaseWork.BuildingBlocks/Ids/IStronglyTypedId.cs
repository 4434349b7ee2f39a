namespace CaseWork.BuildingBlocks.Ids;

/// <summary>A strongly typed identifier wrapping a client-generated <see cref="Guid"/>.</summary>
/// <typeparam name="TSelf">The id type itself.</typeparam>
public interface IStronglyTypedId<TSelf>
    where TSelf : struct, IStronglyTypedId<TSelf>
{
    /// <summary>The raw value, as stored in the database.</summary>
    Guid Value { get; }

    /// <summary>Wraps a raw value read from storage or a route.</summary>
    static abstract TSelf From(Guid value);

    /// <summary>Creates a new id (version 7: time-ordered, index friendly).</summary>
    static abstract TSelf New();
}
