namespace CaseWork.Modules.Clients.Domain.Duplicates;

/// <summary>The parts of a client record that duplicate detection compares, in any script.</summary>
internal sealed record PersonForMatching(
    string GivenNames,
    string FamilyNames,
    IReadOnlyList<string> OtherNames,
    DateOfBirth DateOfBirth,
    StatedGender Gender = StatedGender.NotStated);
