using System.Globalization;
using CaseWork.Modules.Clients.Domain.Duplicates;
using Xunit.Abstractions;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

/// <summary>
/// Runs the detector over the labelled pairs and holds precision and recall above the floors stated in ADR 0011.
/// A pair counts as "flagged" when the detector shows it at all (level Possible or Likely).
/// </summary>
public sealed class DuplicateDetectionEvaluationTests(ITestOutputHelper output)
{
    private const double PrecisionFloor = 0.92;
    private const double RecallFloor = 0.97;

    [Fact]
    public void Precision_and_recall_on_the_labelled_pairs_stay_above_the_floors()
    {
        var pairs = NamePairs.Load();
        Assert.True(pairs.Count >= 200, $"the evaluation needs at least 200 pairs, found {pairs.Count}");

        int truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0, likelyTrue = 0, likelyFalse = 0;
        foreach (var pair in pairs)
        {
            var result = DuplicateDetector.Compare(pair.First, pair.Second);
            var flagged = result.IsCandidate;
            if (result.Level == DuplicateLevel.Likely)
            {
                if (pair.SamePerson)
                    likelyTrue++;
                else
                    likelyFalse++;
            }

            switch (pair.SamePerson, flagged)
            {
                case (true, true): truePositives++; break;
                case (false, true):
                    falsePositives++;
                    output.WriteLine($"FALSE POSITIVE {result.Score:0.000} {pair} [{pair.Note}]\n    {string.Join("\n    ", result.Reasons)}");
                    break;
                case (true, false):
                    falseNegatives++;
                    output.WriteLine($"MISSED         {result.Score:0.000} {pair} [{pair.Note}]\n    {string.Join("\n    ", result.Reasons)}");
                    break;
                default: trueNegatives++; break;
            }
        }

        var precision = (double)truePositives / Math.Max(1, truePositives + falsePositives);
        var recall = (double)truePositives / Math.Max(1, truePositives + falseNegatives);
        var likelyPrecision = (double)likelyTrue / Math.Max(1, likelyTrue + likelyFalse);
        var likelyRecall = (double)likelyTrue / Math.Max(1, truePositives + falseNegatives);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pairs {pairs.Count} (same person {truePositives + falseNegatives}, different {falsePositives + trueNegatives})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flagged (score >= {DuplicateCandidate.PossibleThreshold:0.00}): TP {truePositives} FP {falsePositives} FN {falseNegatives} TN {trueNegatives}; precision {precision:0.000}, recall {recall:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"likely only (score >= {DuplicateCandidate.LikelyThreshold:0.00}): precision {likelyPrecision:0.000}, recall {likelyRecall:0.000}"));

        Assert.True(precision >= PrecisionFloor, $"precision {precision:0.000} fell below {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"recall {recall:0.000} fell below {RecallFloor}");
    }
}
