namespace CaseWork.ArchitectureTests.Engine;

/// <summary>
/// A set of assembly or namespace names matched on whole dotted segments: <c>Quartz</c> matches <c>Quartz</c> and
/// <c>Quartz.Impl</c>, not <c>QuartzLike</c>.
/// </summary>
internal sealed class NamePrefixes(params string[] prefixes)
{
    public bool Match(string name) =>
        prefixes.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    public override string ToString() => string.Join(", ", prefixes);
}
