using Microsoft.AspNetCore.Http.HttpResults;

namespace Pathway.Web.Localization;

/// <summary>The <c>?lang=</c> of API calls: en (default), fr or ar.</summary>
public static class ApiLanguage
{
    public static bool TryResolve(string? lang, out string language, out ValidationProblem? problem)
    {
        problem = null;
        language = Cultures.Default;
        if (string.IsNullOrEmpty(lang))
        {
            return true;
        }
        if (Cultures.IsSupported(lang))
        {
            language = lang.ToLowerInvariant();
            return true;
        }
        problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["lang"] = [$"Unknown language '{lang}'. Allowed: {string.Join(", ", Cultures.Supported)}."],
        });
        return false;
    }
}
