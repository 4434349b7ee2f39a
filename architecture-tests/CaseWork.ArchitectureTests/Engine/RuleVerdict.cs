using System.Text;

namespace CaseWork.ArchitectureTests.Engine;

/// <summary>The outcome of evaluating one rule.</summary>
internal sealed class RuleVerdict(string rule, int selectedCount, IReadOnlyList<Violation> violations)
{
    private const int MaxDetailsPerLine = 3;

    public string Rule { get; } = rule;

    public int SelectedCount { get; } = selectedCount;

    public IReadOnlyList<Violation> Violations { get; } = violations;

    public bool SelectedNothing => SelectedCount == 0;

    public bool Holds => !SelectedNothing && Violations.Count == 0;

    public string Report()
    {
        var report = new StringBuilder().Append("Rule: ").AppendLine(Rule);
        if (SelectedNothing)
        {
            return report.AppendLine("It selected nothing, so it checked nothing: fix the selection, do not delete the rule.").ToString();
        }

        report.Append(SelectedCount).Append(" subject(s) checked, ").Append(Violations.Count).AppendLine(" violation(s):");

        // One line per subject and reference: a record's property shows up in its constructor, getter, Equals and
        // more, and a wall of those lines hides the one the developer has to change.
        var grouped = Violations
            .GroupBy(v => (v.Subject, v.Reference))
            .OrderBy(g => g.Key.Subject, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Reference, StringComparer.Ordinal);
        foreach (var group in grouped)
        {
            var details = group.Select(v => v.Detail).ToList();
            var shown = string.Join("; ", details.Take(MaxDetailsPerLine));
            var more = details.Count > MaxDetailsPerLine ? $"; +{details.Count - MaxDetailsPerLine} more" : "";
            report.Append("  ").Append(group.Key.Subject).Append(" -> ").Append(group.Key.Reference)
                .Append(" (").Append(shown).Append(more).AppendLine(")");
        }

        return report.ToString();
    }
}
