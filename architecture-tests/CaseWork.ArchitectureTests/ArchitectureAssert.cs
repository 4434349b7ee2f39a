using CaseWork.ArchitectureTests.Engine;

namespace CaseWork.ArchitectureTests;

internal static class ArchitectureAssert
{
    public static void Holds(RuleVerdict verdict)
    {
        if (!verdict.Holds)
        {
            Assert.Fail(verdict.Report());
        }
    }

    /// <summary>The rule reports exactly this subject reaching for exactly this reference — not just "something".</summary>
    public static Violation Reports(RuleVerdict verdict, string subject, string reference)
    {
        var match = verdict.Violations.FirstOrDefault(v => v.Subject == subject && v.Reference == reference);
        return match ?? throw new Xunit.Sdk.XunitException(
            $"Expected the violation {subject} -> {reference}, but:{Environment.NewLine}{verdict.Report()}");
    }

    /// <summary>The rule does not report this subject at all: a canary that obeys the rule must not be flagged.</summary>
    public static void DoesNotReport(RuleVerdict verdict, Func<Violation, bool> unexpected, string because)
    {
        var wrong = verdict.Violations.Where(unexpected).ToList();
        if (wrong.Count > 0)
        {
            Assert.Fail($"Reported {string.Join("; ", wrong)} although {because}.{Environment.NewLine}{verdict.Report()}");
        }
    }
}
