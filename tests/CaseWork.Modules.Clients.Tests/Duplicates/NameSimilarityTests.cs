using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

public sealed class NameSimilarityTests
{
    public static TheoryData<string[]> SameNameGroups => new()
    {
        new[] { "Mohammed", "Muhammad", "Mohamad", "Muhamed", "محمد", "Mohammad" },
        new[] { "Oleksandr", "Aleksandr", "Alexander", "Олександр", "Александр" },
        new[] { "Yusuf", "Yousef", "Jussuf", "Youssef", "يوسف" },
        new[] { "Hussein", "Husein", "Hossain", "Hosseini", "Hossein" },
        new[] { "Ahmad", "Ahmed", "Achmed", "أحمد" },
        new[] { "Ekaterina", "Yekaterina", "Katerina", "Екатерина" },
        new[] { "Dmitri", "Dmytro", "Dmitry", "Дмитрий" },
        new[] { "Sergei", "Serhii", "Sergey", "Сергій" },
        new[] { "Olga", "Olha", "Ольга" },
        new[] { "Mariia", "Maria", "Mariya" },
        new[] { "Fatima", "Fatemeh", "Fatma", "فاطمة" },
        new[] { "Zainab", "Zeynep", "Zeinab" },
        new[] { "Zainab", "Sajnab" },  // German spelling; Zeynep ~ Sajnab differs in three letters and stays below
        new[] { "Omar", "Umar", "عمر" },
        new[] { "Khalil", "Chalil", "Xelil" },
        new[] { "Shevchenko", "Schewtschenko", "Ševčenko", "Шевченко" },
    };

    [Theory]
    [MemberData(nameof(SameNameGroups))]
    public void Spellings_of_one_name_across_transliterations_match(string[] spellings)
    {
        foreach (var a in spellings)
        {
            foreach (var b in spellings)
            {
                var score = TokenScore(a, b);
                Assert.True(score >= NameComparison.SameNameThreshold, $"{a} ~ {b}: {score:0.00}");
            }
        }
    }

    [Theory]
    [InlineData("Ali", "Alia")]
    [InlineData("Jan", "Jana")]
    [InlineData("Samir", "Samira")]
    [InlineData("Yordan", "Yordanka")]
    [InlineData("Smirnov", "Smirnova")]
    [InlineData("Hassan", "Hussein")]
    [InlineData("Omar", "Amr")]
    [InlineData("Ahmad", "Mahmoud")]
    [InlineData("Ghassan", "Hassan")]
    [InlineData("Shevchenko", "Shevchuk")]
    [InlineData("Mohammed", "Ibrahim")]
    public void Different_names_do_not_match(string a, string b)
    {
        var score = TokenScore(a, b);
        Assert.True(score < NameComparison.SameNameThreshold, $"{a} ~ {b}: {score:0.00}");
    }

    [Theory]
    [InlineData("حسن", "Hassan", true)]
    [InlineData("حسن", "Hussein", false)]
    [InlineData("حسين", "Hussein", true)]
    [InlineData("حسینی", "Hosseini", true)]
    [InlineData("حسینی", "Hassani", false)]
    [InlineData("محمود", "Mahmoud", true)]
    public void Long_vowels_written_in_Arabic_script_must_agree_with_the_Latin_spelling(string arabic, string latin, bool same)
    {
        var score = TokenScore(arabic, latin);
        Assert.True(score >= NameComparison.SameNameThreshold == same, $"{arabic} ~ {latin}: {score:0.00}");
    }

    [Fact]
    public void Male_and_female_forms_are_recognised_as_such()
    {
        var match = NameComparison.CompareTokens(Token("Ali"), Token("Alia"));

        Assert.True(match.GenderedForms);
        Assert.False(NameComparison.CompareTokens(Token("Fatima"), Token("Fatemeh")).GenderedForms);
    }

    [Theory]
    [InlineData("Mohammed", "mhmd")]
    [InlineData("Haddad", "hdd")]
    [InlineData("Hadad", "hdd")]
    [InlineData("Schewtschenko", "SvCnk")]
    [InlineData("Shevchenko", "SvCnk")]
    [InlineData("Koc", "kk")]
    public void Skeleton_keeps_consonants_in_symbol_classes(string name, string expected) =>
        Assert.Equal(expected, NameSkeleton.Of(NameTransliteration.ToLatin(name)));

    [Fact]
    public void Particles_and_the_article_are_ignored_and_abd_al_is_one_name()
    {
        Assert.Equal(["hassan"], NameComparison.Tokenize("Al-Hassan").Select(t => t.Latin));
        Assert.Equal(["abdul", "rahman"], NameComparison.Tokenize("Abd al-Rahman").Select(t => t.Latin));
        Assert.Equal(["bergen"], NameComparison.Tokenize("von Bergen").Select(t => t.Latin));
        Assert.Equal(["abu", "bakr"], NameComparison.Tokenize("Abu Bakr").Select(t => t.Latin));
        Assert.Equal(1, NameComparison.CompareTokens(Token("Alhasan"), Token("Hasan")).Score);
    }

    [Fact]
    public void Names_written_together_or_apart_match()
    {
        var match = NameComparison.ComparePart(NameComparison.Tokenize("Hosseini Zadeh"), NameComparison.Tokenize("Hosseinzadeh"));

        Assert.NotNull(match);
        Assert.True(match.Score >= NameComparison.SameNameThreshold);
    }

    [Fact]
    public void A_missing_part_cannot_be_compared() =>
        Assert.Null(NameComparison.ComparePart(NameComparison.Tokenize(""), NameComparison.Tokenize("Ali")));

    private static NameToken Token(string name) => Assert.Single(NameComparison.Tokenize(name));

    private static double TokenScore(string a, string b) =>
        NameComparison.ComparePart(NameComparison.Tokenize(a), NameComparison.Tokenize(b))!.Score;
}
