using System.Globalization;
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
