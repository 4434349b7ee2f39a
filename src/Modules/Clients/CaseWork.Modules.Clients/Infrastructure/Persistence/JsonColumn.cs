using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CaseWork.Modules.Clients.Infrastructure.Persistence;

/// <summary>
/// Small value lists of a record (other names, languages, contact channels, household) kept as JSON text in one column:
/// they are always read and written with their record and never searched, so a table each would only add joins. Text
/// rather than <c>jsonb</c> keeps one provider-neutral migration (ADR 0006).
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The value of a JSON column as stored (for hand-written reads; the same options as the mapping).</summary>
    public static T Read<T>(string text)
        where T : class => JsonSerializer.Deserialize<T>(text, Options)!;

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property, string column)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        property
            .HasColumnName(column)
            .IsRequired()
            .HasConversion(
                value => JsonSerializer.Serialize(value, Options),
                text => Read<T>(text),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
        return property;
    }
}
