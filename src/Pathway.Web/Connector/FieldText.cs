using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector;

/// <summary>
/// The one check for text people type into the Connector's forms and API bodies: required or not, a maximum length,
/// and no character <see cref="TextRules"/> refuses (what PostgreSQL would reject with a 500). Errors are keyed by field.
/// </summary>
public static class FieldText
{
    /// <summary>The trimmed text (null when empty and optional), or an error added under <paramref name="field"/>.</summary>
    public static string? Check(string? text, string field, int maxLength, bool required, IStringLocalizer l, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = [l["Connector.Error.Required"]];
            }
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            errors[field] = [l["Connector.Error.TooLong", maxLength, trimmed.Length]];
            return null;
        }
        var refused = TextRules.IndexOfRefused(trimmed);
        if (refused >= 0)
        {
            errors[field] = [l["Connector.Error.RefusedCharacter", TextRules.Describe(trimmed[refused])]];
            return null;
        }
        return trimmed;
    }

    /// <summary>The trimmed text, or null when there is none (for text already checked).</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
