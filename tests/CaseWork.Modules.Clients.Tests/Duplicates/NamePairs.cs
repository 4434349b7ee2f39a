using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

/// <summary>One labelled pair from name-pairs.csv.</summary>
internal sealed record NamePair(int Line, bool SamePerson, PersonForMatching First, PersonForMatching Second, string Note)
{
    public override string ToString() =>
        $"line {Line}: {First.GivenNames} {First.FamilyNames} ({First.DateOfBirth}) vs {Second.GivenNames} {Second.FamilyNames} ({Second.DateOfBirth})";
}

/// <summary>Reads the labelled evaluation pairs (plain comma-separated; names never contain commas).</summary>
internal static class NamePairs
{
    public static IReadOnlyList<NamePair> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Duplicates", "name-pairs.csv");
        var pairs = new List<NamePair>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("expected,", StringComparison.Ordinal))
                continue;

            var f = line.Split(',');
            if (f.Length != 12)
                throw new InvalidDataException($"name-pairs.csv line {i + 1}: expected 12 fields, found {f.Length}");

            var samePerson = f[0] switch
            {
                "match" => true,
                "nonmatch" => false,
                _ => throw new InvalidDataException($"name-pairs.csv line {i + 1}: unknown label '{f[0]}'"),
            };
            pairs.Add(new NamePair(i + 1, samePerson, Person(f[1], f[2], f[3], f[4], f[5]), Person(f[6], f[7], f[8], f[9], f[10]), f[11]));
        }

        return pairs;
    }

    private static PersonForMatching Person(string given, string family, string other, string dob, string gender) =>
        new(given, family,
            other.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            DateOfBirth.Parse(dob),
            gender switch
            {
                "f" => StatedGender.Female,
                "m" => StatedGender.Male,
                _ => StatedGender.NotStated,
            });
}
