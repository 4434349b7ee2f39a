using System.Text;

namespace CaseWork.Modules.Referrals.Features;

/// <summary>RFC 4180 CSV: fields quoted when they hold a separator, quote or line break; UTF-8 with BOM so spreadsheet programs read umlauts.</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(params IEnumerable<object?> fields)
    {
        _text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        // A leading = + - @ would run as a formula in a spreadsheet.
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) && !double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
