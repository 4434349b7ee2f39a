namespace CaseWork.BuildingBlocks.Ids;

/// <summary>
/// Marks an aggregate whose edits are checked for concurrency: <see cref="Version"/> rises with every save,
/// and a save based on an older version fails instead of overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    /// <summary>The version the caller read; compared on save.</summary>
    int Version { get; }
}
