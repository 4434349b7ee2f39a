using CaseWork.ArchitectureTests.Engine;

namespace CaseWork.ArchitectureTests;

public sealed class RuleEngineTests
{
    [Fact]
    public void A_rule_that_selects_nothing_does_not_hold()
    {
        var verdict = ArchitectureRule.For("nothing", Array.Empty<string>()).Must("be anything", _ => []).Evaluate();

        Assert.True(verdict.SelectedNothing);
        Assert.False(verdict.Holds);
        Assert.Contains("selected nothing", verdict.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_holds_when_its_selection_has_no_violation()
    {
        var verdict = ArchitectureRule.For("words", ["ledger", "invoice"]).Must("be lower case", _ => []).Evaluate();

        Assert.True(verdict.Holds);
        Assert.Equal(2, verdict.SelectedCount);
    }

    [Fact]
    public void A_violation_is_reported_once_with_its_subject_reference_and_detail()
    {
        var verdict = ArchitectureRule.For("names", ["ledger", "due date"])
            .Must("contain no space", name => name.Contains(' ', StringComparison.Ordinal)
                ? [new Violation(name, "' '", "space in a name"), new Violation(name, "' '", "space in a name")]
                : [])
            .Evaluate();

        Assert.False(verdict.Holds);
        var violation = Assert.Single(verdict.Violations);
        Assert.Equal(new Violation("due date", "' '", "space in a name"), violation);
        Assert.Contains("names must contain no space", verdict.Report(), StringComparison.Ordinal);
        Assert.Contains("due date -> ' ' (space in a name)", verdict.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_one_line_per_subject_and_reference_with_the_first_sites()
    {
        var sites = new[] { "field a", "body of B", "body of C", "body of D", "body of E" };
        var verdict = ArchitectureRule.For("types", ["Invoice"])
            .Must("not use EF Core", type => sites.Select(site => new Violation(type, "DbContext", site)))
            .Evaluate();

        Assert.Equal(5, verdict.Violations.Count);
        Assert.Contains("  Invoice -> DbContext (field a; body of B; body of C; +2 more)", verdict.Report(), StringComparison.Ordinal);
    }
}
