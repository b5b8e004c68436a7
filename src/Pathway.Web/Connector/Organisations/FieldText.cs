using Microsoft.Extensions.Localization;

namespace Pathway.Web.Connector.Organisations;

/// <summary>The shared text checks of the small forms: required, length, characters no database stores alike.</summary>
internal static class FieldText
{
    public static void Require(Dictionary<string, string[]> errors, IStringLocalizer l, string field, string? text, int maxLength, bool required)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors[field] = [l["Organisations.Field.Required"]];
            }
        }
        else if (trimmed.Length > maxLength)
        {
            errors[field] = [l["Organisations.Field.Length", maxLength]];
        }
        else if (TextRules.IndexOfRefused(trimmed) is var at and >= 0)
        {
            errors[field] = [l["Organisations.Field.Character", TextRules.Describe(trimmed[at])]];
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
