using System.Globalization;
using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;
using CaseWork.Modules.Clients.Features.Shared;
using CaseWork.Modules.Clients.Pages.Clients;
using Microsoft.Extensions.Localization;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

/// <summary>The duplicate warning is read by German-speaking workers: every reason the detector gives must have German.</summary>
public sealed class DuplicateReasonTextTests
{
    [Fact]
    public void Every_reason_template_and_phrase_the_detector_gives_on_the_labelled_pairs_has_a_German_text()
    {
        var reasons = NamePairs.Load()
            .SelectMany(pair => DuplicateDetector.Compare(pair.First, pair.Second).Reasons)
            .ToList();
        var templates = reasons.Select(r => r.Template).Distinct().ToList();
        // Phrases are the arguments that are not names or dates taken from the records.
        var phrases = reasons.Where(r => r.Template.StartsWith("{0}", StringComparison.Ordinal)).Select(r => r.Arguments[0])
            .Concat(reasons.Where(r => r.Template.StartsWith("year of birth equal ({0}), ", StringComparison.Ordinal)).Select(r => r.Arguments[1]))
            .Concat(reasons.Where(r => r.Template.StartsWith("name matches another", StringComparison.Ordinal)).Select(r => r.Arguments[0]))
            .Distinct()
            .ToList();

        Assert.True(templates.Count >= 10, $"the pairs should exercise most reasons, got {templates.Count}");
        Assert.All(templates, t => Assert.True(ClientLabels.DuplicateReasonTexts.ContainsKey(t), $"no German for template '{t}'"));
        Assert.All(phrases, p => Assert.True(ClientLabels.DuplicateReasonTexts.ContainsKey(p), $"no German for phrase '{p}'"));
    }

    [Fact]
    public void A_reason_is_shown_in_German_with_its_phrases_translated_and_names_kept()
    {
        var reason = new DuplicateReasonView("For", "{0} matches phonetically ({1})", ["given name", "mhmd ~ muhammad"]);

        var text = ClientLabels.DuplicateReason(new GermanKeys(), reason);

        Assert.Equal("Vorname klingt gleich (mhmd ~ muhammad)", text);
    }

    [Fact]
    public void An_unknown_template_is_shown_as_it_came()
    {
        var reason = new DuplicateReasonView("Neutral", "something new ({0})", ["x"]);

        Assert.Equal("something new (x)", ClientLabels.DuplicateReason(new GermanKeys(), reason));
    }

    /// <summary>The localizer on a German page: the German key is the text.</summary>
    private sealed class GermanKeys : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}

/// <summary>The search's cheap pre-check never hides a likely duplicate.</summary>
public sealed class DuplicatePreCheckTests
{
    [Fact]
    public void Every_pair_scored_likely_passes_the_pre_check_and_pairs_that_cannot_be_likely_are_skipped()
    {
        var pairs = NamePairs.Load().SelectMany(p => new[] { (p.First, p.Second), (p.Second, p.First) }).ToList();

        var likely = pairs.Where(p => DuplicateDetector.Compare(p.Item1, p.Item2).Level == DuplicateLevel.Likely).ToList();
        var skipped = pairs.Count(p => !DuplicateDetector.CouldBeLikely(p.Item1, p.Item2));

        Assert.NotEmpty(likely);
        Assert.All(likely, p => Assert.True(DuplicateDetector.CouldBeLikely(p.Item1, p.Item2), $"{p.Item1} / {p.Item2} is likely but was skipped"));
        Assert.True(skipped > 0, "the pre-check should rule out pairs with differing birth years or genders");
    }

    [Fact]
    public void Differing_stated_genders_or_birth_years_rule_a_pair_out_and_an_unknown_date_does_not()
    {
        var man = new PersonForMatching("Mohammed", "Al-Hassan", [], DateOfBirth.Full(new DateOnly(1990, 3, 12)), StatedGender.Male);

        Assert.False(DuplicateDetector.CouldBeLikely(man, man with { Gender = StatedGender.Female }));
        Assert.False(DuplicateDetector.CouldBeLikely(man, man with { DateOfBirth = DateOfBirth.YearOnly(1991) }));
        Assert.True(DuplicateDetector.CouldBeLikely(man, man with { DateOfBirth = DateOfBirth.Unknown }));
        Assert.True(DuplicateDetector.CouldBeLikely(man, man with { Gender = StatedGender.NotStated }));
    }
}
