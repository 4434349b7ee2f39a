using CaseWork.ArchitectureTests.Codebase;
using CaseWork.ArchitectureTests.Rules;
using Xunit.Abstractions;

namespace CaseWork.ArchitectureTests;

/// <summary>Every architecture rule holds for CaseWork's own assemblies.</summary>
public sealed class CaseWorkArchitectureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Rules => new(CaseWorkRules.All.Keys);

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_holds_for_CaseWork(string rule)
    {
        var verdict = CaseWorkRules.All[rule](CaseWorkCodebase.Real).Evaluate();
        output.WriteLine(verdict.Report());

        ArchitectureAssert.Holds(verdict);
    }

    [Fact]
    public void Modules_are_discovered_by_their_folders_under_src_Modules()
    {
        var discovered = CaseWorkCodebase.Real.Modules.Select(module => module.Name).ToList();

        Assert.Superset(CaseWorkCodebase.ExpectedModules.ToHashSet(), discovered.ToHashSet());
        Assert.DoesNotContain(discovered, name => name.StartsWith("Canary", StringComparison.Ordinal));
    }
}
