using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Pathway.Web.Localization;

namespace Pathway.Web.Data;

/// <summary>
/// Small values kept as JSON text in one column. A text column reads the same on SQLite and
/// PostgreSQL, so both migration sets stay alike.
/// </summary>
internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        property.HasConversion(
            new ValueConverter<T, string>(
                value => JsonSerializer.Serialize(value, Options),
                json => JsonSerializer.Deserialize<T>(json, Options)!),
            new ValueComparer<T>(
                (left, right) => JsonSerializer.Serialize(left, Options) == JsonSerializer.Serialize(right, Options),
                value => JsonSerializer.Serialize(value, Options).GetHashCode(StringComparison.Ordinal),
                value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!));
        return property;
    }

    /// <summary>Every <see cref="LocalizedText"/> property becomes a JSON text column.</summary>
    public static void AddLocalizedTextConvention(this ModelConfigurationBuilder configuration) =>
        configuration.Properties<LocalizedText>().HaveConversion<LocalizedTextConverter, LocalizedTextComparer>();

    private sealed class LocalizedTextConverter() : ValueConverter<LocalizedText, string>(
        text => text.ToJson(), json => LocalizedText.FromJson(json));

    private sealed class LocalizedTextComparer() : ValueComparer<LocalizedText>(
        (left, right) => object.Equals(left, right),
        text => text.GetHashCode(),
        text => LocalizedText.FromJson(text.ToJson()));
}
