namespace CaseWork.ArchitectureTests.Engine;

/// <summary>Any rule, whatever its subjects are: something that states itself and can be evaluated.</summary>
internal interface IArchitectureRule
{
    string Statement { get; }

    RuleVerdict Evaluate();
}
