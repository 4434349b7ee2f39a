using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Features.Duplicates;

/// <summary>A person not yet saved, in the shape the duplicate engine compares (names as written plus the Latin forms as other names).</summary>
internal sealed record Probe(ClientDetails Details)
{
    public PersonForMatching Person => new(
        Details.GivenNames,
        Details.FamilyNames,
        [.. Details.OtherNames, .. LatinName()],
        Details.DateOfBirth,
        Details.Gender);

    private IEnumerable<string> LatinName()
    {
        if (Details.GivenNamesLatin is not null || Details.FamilyNamesLatin is not null)
            yield return $"{Details.GivenNamesLatin ?? Details.GivenNames} {Details.FamilyNamesLatin ?? Details.FamilyNames}";
    }
}
