using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

public sealed class NameTransliterationTests
{
    [Theory]
    [InlineData("محمد", "mhmd")]
    [InlineData("يوسف", "yusf")]
    [InlineData("الحسن", "alhsn")]
    [InlineData("فاطمة", "fatma")]
    [InlineData("پروین", "pruin")]        // Persian پ and ی
    [InlineData("چنگیز", "chngiz")]       // Persian چ and گ
    [InlineData("ژیلا", "zhila")]         // Persian ژ
    [InlineData("کریمی", "krimi")]        // Persian ک
    [InlineData("مُحَمَّد", "mhmd")]      // vowel marks are optional in writing and ignored
    [InlineData("وليد", "wlid")]
    public void Arabic_and_Persian_script_becomes_Latin(string name, string expected) =>
        Assert.Equal(expected, NameTransliteration.ToLatin(name));

    [Fact]
    public void Arabic_z_followed_by_h_is_not_read_as_the_digraph_zh()
    {
        var latin = NameTransliteration.ToLatin("زهرا");

        Assert.Equal("z'hra", latin);
        Assert.Equal(NameSkeleton.Of(NameTransliteration.ToLatin("Zahra")), NameSkeleton.Of(latin));
    }

    [Theory]
    [InlineData("Олександр", "oleksandr")]
    [InlineData("Александр", "aleksandr")]
    [InlineData("Сергій", "sergiy")]
    [InlineData("Ґанна Їжак", "ganna yizhak")]
    [InlineData("Євген", "yevgen")]
    [InlineData("Щербак", "shcherbak")]
    [InlineData("Цветелина", "tsvetelina")]
    public void Cyrillic_becomes_Latin(string name, string expected) =>
        Assert.Equal(expected, NameTransliteration.ToLatin(name));

    [Theory]
    [InlineData("Jürgen Müller", "jurgen muller")]
    [InlineData("Weiß", "weiss")]
    [InlineData("Çelik", "chelik")]
    [InlineData("Şahin", "shahin")]
    [InlineData("Doğan", "dogan")]
    [InlineData("Aydın", "aydin")]
    [InlineData("Rădulescu", "radulescu")]
    [InlineData("Ștefan Țurcanu", "shtefan turcanu")]
    [InlineData("Ševčenko", "shevchenko")]
    [InlineData("Şêrko", "sherko")]
    public void Diacritics_fold_to_how_the_name_is_spoken(string name, string expected) =>
        Assert.Equal(expected, NameTransliteration.ToLatin(name));

    [Theory]
    [InlineData("  Al-Hassan ", "al hassan")]
    [InlineData("Klaus-Peter", "klaus peter")]
    [InlineData("O.  Shevchenko (geb. X)", "o shevchenko geb x")]
    [InlineData("MOHAMMED", "mohammed")]
    public void Case_punctuation_and_spaces_are_normalised(string name, string expected) =>
        Assert.Equal(expected, NameTransliteration.ToLatin(name));

    [Fact]
    public void Geez_syllables_become_consonant_and_vowel()
    {
        Assert.Equal("yohans", NameTransliteration.ToLatin("ዮሃንስ"));
        Assert.Equal("selam", NameTransliteration.ToLatin("ሰላም"));
    }

    [Fact]
    public void Scripts_without_a_mapping_yield_no_letters_rather_than_wrong_ones() =>
        Assert.Equal("", NameTransliteration.ToLatin("王伟"));
}
