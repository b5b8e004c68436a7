using System.Globalization;

namespace Pathway.Web.Planning;

/// <summary>
/// The one reading of an item's text, shared by the plan page, the item page, the exports and the API: an
/// item copied from the catalogue and not edited since reads as the catalogue's text in the reader's
/// language (English where the catalogue has no translation); an edited or hand-written item reads as the
/// team wrote it. The catalogues are loaded once per request by version.
/// </summary>
public sealed class ActionItemText(CatalogueReader catalogues)
{
    private readonly Dictionary<string, CatalogueIndex?> loaded = new(StringComparer.Ordinal);

    /// <summary>The item's text in <paramref name="language"/> (en, fr, ar; the current UI language when null).</summary>
    public async Task<string> WhatAsync(ActionItem item, string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        return What(item, await CatalogueOfAsync(item, cancellationToken), language ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
    }

    /// <summary>The same reading for a query that selected only these columns of an item.</summary>
    public Task<string> WhatAsync(
        string what, string? recommendationCode, string? catalogueVersion, bool whatFromCatalogue, CancellationToken cancellationToken = default) =>
        WhatAsync(new ActionItem
        {
            CountryIso3 = "",
            MechanismCode = "",
            What = what,
            RecommendationCode = recommendationCode,
            CatalogueVersion = catalogueVersion,
            WhatFromCatalogue = whatFromCatalogue,
        }, null, cancellationToken);

    /// <summary>
    /// True when <paramref name="text"/> is the catalogue's text of the item in one of its languages: saving
    /// it back (a form shows it in the reader's language) is not an edit.
    /// </summary>
    public async Task<bool> IsCatalogueTextAsync(ActionItem item, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        if (text == item.What)
        {
            return true;
        }
        var action = Action(item, await CatalogueOfAsync(item, cancellationToken));
        return action is not null && action.Text.Values.Values.Contains(text, StringComparer.Ordinal);
    }

    /// <summary>The pure rule: the catalogue's text in the language while not edited and the action is still in its catalogue, else the stored text.</summary>
    public static string What(ActionItem item, CatalogueIndex? catalogue, string language)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.WhatFromCatalogue && Action(item, catalogue) is { } action ? action.Text.In(language) : item.What;
    }

    private static CatalogueAction? Action(ActionItem item, CatalogueIndex? catalogue) =>
        item.RecommendationCode is { } code ? catalogue?.Find(code) : null;

    private async Task<CatalogueIndex?> CatalogueOfAsync(ActionItem item, CancellationToken cancellationToken)
    {
        if (!item.WhatFromCatalogue || item.CatalogueVersion is not { } version)
        {
            return null;
        }
        if (!loaded.TryGetValue(version, out var catalogue))
        {
            catalogue = await catalogues.ByVersionAsync(version, cancellationToken);
            loaded[version] = catalogue;
        }
        return catalogue;
    }
}
