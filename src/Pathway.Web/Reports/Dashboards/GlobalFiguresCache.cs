using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>
/// The rendered figures of the dashboard views asked for lately (map, table of every country, distribution,
/// years: 100–300 KB of HTML whose rendering is most of a request's work), kept per state of the published
/// rows, view and language. A new state (<see cref="GlobalView.Stamp"/>) drops them all, so a release
/// signed off on any server shows from the next request on; the number kept is bounded. The HTML kept is what our
/// own <see cref="GlobalFigures"/> component rendered (Razor encodes every value), so it is output, not user markup.
/// </summary>
public sealed class GlobalFiguresCache(ILoggerFactory loggers)
{
    /// <summary>Views kept at most (a few MB); past it the cache starts again.</summary>
    public const int Capacity = 64;

    private sealed record Kept(PublishedStamp Stamp, ConcurrentDictionary<string, string> Rendered);

    private volatile Kept kept = new(default, new(StringComparer.Ordinal));

    /// <summary>The view's figures, rendered with the request's services (<paramref name="services"/>) when not kept.</summary>
    public async Task<MarkupString> RenderAsync(GlobalView view, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(view);
        var key = Key(view, CultureInfo.CurrentUICulture);
        var current = kept;
        if (current.Stamp != view.Stamp || current.Rendered.Count >= Capacity)
        {
            current = new Kept(view.Stamp, new(StringComparer.Ordinal));
            kept = current;
        }
        if (current.Rendered.TryGetValue(key, out var html))
        {
            return new MarkupString(html);
        }
        html = await ComponentHtml.RenderAsync<GlobalFigures>(services, loggers,
            new Dictionary<string, object?> { [nameof(GlobalFigures.View)] = view });
        current.Rendered[key] = html;
        return new MarkupString(html);
    }

    private static string Key(GlobalView view, CultureInfo language)
    {
        var selection = view.Selection;
        return string.Join('|', language.Name, selection.Framework.Version.Version, selection.Region, selection.Behaviour?.Code,
            selection.Mechanism?.Code, selection.Year?.ToString(CultureInfo.InvariantCulture));
    }
}
