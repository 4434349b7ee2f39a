using CaseWork.Modules.Clients.Domain;
using CaseWork.Modules.Clients.Domain.Duplicates;

namespace CaseWork.Modules.Clients.Tests.Duplicates;

public sealed class DateOfBirthTests
{
    [Fact]
    public void Parses_full_date_year_only_and_unknown()
    {
        var full = DateOfBirth.Parse("1990-03-12");
        var year = DateOfBirth.Parse("1990");
        var unknown = DateOfBirth.Parse(" ");

        Assert.Equal((DateOfBirthPrecision.FullDate, 1990, new DateOnly(1990, 3, 12)), (full.Precision, full.Year, full.Date));
        Assert.Equal((DateOfBirthPrecision.YearOnly, 1990, (DateOnly?)null), (year.Precision, year.Year, year.Date));
        Assert.Same(DateOfBirth.Unknown, unknown);
        Assert.Equal(DateOfBirthPrecision.Unknown, unknown.Precision);
    }

    [Theory]
    [InlineData("12.03.1990")]
    [InlineData("1990-13-01")]
    [InlineData("90")]
    public void Rejects_other_formats(string text) =>
        Assert.Throws<FormatException>(() => DateOfBirth.Parse(text));

    [Fact]
    public void Rejects_year_zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DateOfBirth.YearOnly(0));

    [Fact]
    public void Equal_values_are_equal()
    {
        Assert.Equal(DateOfBirth.YearOnly(1985), DateOfBirth.Parse("1985"));
        Assert.NotEqual(DateOfBirth.YearOnly(1985), DateOfBirth.Full(new DateOnly(1985, 1, 1)));
    }
}
