namespace CaseWork.ArchitectureTests.Engine;

/// <summary>One breach of a rule.</summary>
/// <param name="Subject">Who breaks the rule: a type, an assembly, a project or a DbContext.</param>
/// <param name="Reference">What it must not reference or be: a type with its assembly, an assembly, a member, a mapping.</param>
/// <param name="Detail">Where it was found or why it is wrong, e.g. "body of Reach" or "base type".</param>
internal sealed record Violation(string Subject, string Reference, string Detail)
{
    public override string ToString() => $"{Subject} -> {Reference} ({Detail})";
}
