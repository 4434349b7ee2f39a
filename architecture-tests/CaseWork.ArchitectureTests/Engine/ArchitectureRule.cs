namespace CaseWork.ArchitectureTests.Engine;

/// <summary>
/// Starts a rule: <c>ArchitectureRule.For("module assemblies", modules).Must("...", condition)</c>.
/// </summary>
internal static class ArchitectureRule
{
    public static RuleSelection<TSubject> For<TSubject>(string selection, IEnumerable<TSubject> subjects) =>
        new(selection, subjects);
}

/// <summary>The subjects of a rule, waiting for their condition.</summary>
internal sealed class RuleSelection<TSubject>(string selection, IEnumerable<TSubject> subjects)
{
    public ArchitectureRule<TSubject> Must(string requirement, Func<TSubject, IEnumerable<Violation>> condition) =>
        new($"{selection} must {requirement}", subjects, condition);
}

/// <summary>
/// An architecture rule: a selection of subjects and a condition that lists each subject's violations.
/// A rule whose selection is empty does not hold — it would otherwise pass without checking anything.
/// </summary>
internal sealed class ArchitectureRule<TSubject>(
    string statement,
    IEnumerable<TSubject> subjects,
    Func<TSubject, IEnumerable<Violation>> condition) : IArchitectureRule
{
    public string Statement { get; } = statement;

    public RuleVerdict Evaluate()
    {
        var selected = subjects.ToList();
        var violations = selected.SelectMany(condition).Distinct().ToList();
        return new RuleVerdict(Statement, selected.Count, violations);
    }
}
