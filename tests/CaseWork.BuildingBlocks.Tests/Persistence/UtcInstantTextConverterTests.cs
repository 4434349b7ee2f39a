using System.Globalization;
using CaseWork.BuildingBlocks.Infrastructure.Persistence;

namespace CaseWork.BuildingBlocks.Tests.Persistence;

/// <summary>
/// Stored instants are read back digit by digit when they have the stored fixed-width form, and by the general parser
/// otherwise; both must give the same instant the general parser gives.
/// </summary>
public sealed class UtcInstantTextConverterTests
{
    private static DateTimeOffset General(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    [Fact]
    public void Stored_text_reads_back_as_the_instant_it_was_written_from_and_as_the_general_parser_reads_it()
    {
        var random = new Random(20261206);
        var earliest = new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        var latest = new DateTimeOffset(2200, 12, 31, 23, 59, 59, TimeSpan.Zero).UtcTicks;
        DateTimeOffset[] edges =
        [
            new(2024, 2, 29, 23, 59, 59, TimeSpan.Zero), new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), new(2026, 10, 25, 0, 59, 59, 999, TimeSpan.Zero),
            new(2026, 12, 31, 23, 59, 59, 999, 999, TimeSpan.Zero), new(2026, 11, 21, 10, 30, 0, TimeSpan.FromHours(1)),
        ];
        foreach (var value in edges.Concat(Enumerable.Range(0, 5_000).Select(_ => new DateTimeOffset(random.NextInt64(earliest, latest), TimeSpan.Zero))))
        {
            var text = UtcInstantTextConverter.ToText(value);
            Assert.True(UtcInstantTextConverter.TryReadFixedWidth(text, out _), text);
            var read = UtcInstantTextConverter.FromText(text);
            Assert.Equal(StorePrecision.Truncate(value), read);
            Assert.Equal(TimeSpan.Zero, read.Offset);
            Assert.Equal(General(text), read);
        }
    }

    [Theory]
    [InlineData("2026-11-21T09:30:00.1234560+00:00")]
    [InlineData("2026-11-21 10:30:00.1234560+01:00")]
    [InlineData("2026-11-21 09:30:00Z")]
    [InlineData("2026-11-21 09:30:00.123456+00:00")]
    [InlineData("2026-11-21 09:30:00.12345600+00:00")]
    [InlineData("2026-11-21")]
    public void Other_shapes_are_left_to_the_general_parser_and_read_as_it_reads_them(string text)
    {
        Assert.False(UtcInstantTextConverter.TryReadFixedWidth(text, out _));
        Assert.Equal(General(text), UtcInstantTextConverter.FromText(text));
    }

    [Theory]
    [InlineData("2026-02-29 09:30:00.0000000+00:00")]
    [InlineData("2026-13-01 09:30:00.0000000+00:00")]
    [InlineData("2026-11-00 09:30:00.0000000+00:00")]
    [InlineData("2026-11-21 24:00:00.0000000+00:00")]
    [InlineData("2026-11-21 09:60:00.0000000+00:00")]
    [InlineData("2026-11-21 09:30:60.0000000+00:00")]
    [InlineData("2026-1a-21 09:30:00.0000000+00:00")]
    [InlineData("0000-11-21 09:30:00.0000000+00:00")]
    public void Impossible_dates_and_times_are_not_read_digit_by_digit_and_the_general_parser_refuses_them(string text)
    {
        Assert.False(UtcInstantTextConverter.TryReadFixedWidth(text, out _));
        Assert.Throws<FormatException>(() => UtcInstantTextConverter.FromText(text));
    }
}
