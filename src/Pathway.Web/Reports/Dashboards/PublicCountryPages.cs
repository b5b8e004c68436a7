using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Pathway.Web.Data;
using Pathway.Web.Localization;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>A public country dashboard as its page shows it: the country (title, breadcrumb) and the rendered body.</summary>
public sealed record PublicCountryPage(string Iso3, LocalizedText CountryName, MarkupString Body);

/// <summary>
/// The public country dashboards asked for lately, rendered once per country, language and state of the
/// published rows (<see cref="PublishedStamp"/>, read from the database on every request, so a release signed
/// off on any server shows from the next request on). The page reads only published rows, so what is kept is
/// the same for every visitor; the team's dashboard reads unpublished rounds and is never kept here. The HTML
/// kept is what our own <see cref="CountryDashboardBody"/> rendered (Razor encodes every value), so it is
/// output, not user markup. Unknown codes are not kept, and past <see cref="Capacity"/> one page makes way
/// for the next, so the memory is bounded whatever addresses are asked for.
/// </summary>
public sealed class PublicCountryPages(ILoggerFactory loggers)
{
    /// <summary>Pages kept at most (each 30–60 KB: about 10 MB).</summary>
    public const int Capacity = 200;

    private sealed record Kept(PublishedStamp Stamp, ConcurrentDictionary<string, PublicCountryPage> Pages);

    private volatile Kept kept = new(default, new(StringComparer.Ordinal));

    /// <summary>The country's public dashboard, built and rendered with the request's services when not kept; null for an unknown country.</summary>
    public async Task<PublicCountryPage?> ReadAsync(string iso3, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var stamp = await PublishedReads.StampAsync(services.GetRequiredService<PathwayDb>(), cancellationToken);
        var key = string.Join('|', iso3.Trim().ToUpperInvariant(), CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name);
        var current = kept;
        if (current.Stamp != stamp)
        {
            current = new Kept(stamp, new(StringComparer.Ordinal));
            kept = current;
        }
        if (current.Pages.TryGetValue(key, out var page))
        {
            return page;
        }

        // Rows published after the stamp was read can only make a kept page newer than its stamp, never older.
        var view = await services.GetRequiredService<PublicCountryDashboards>().ForPublicAsync(iso3, cancellationToken);
        if (view is null)
        {
            return null;
        }
        var html = await ComponentHtml.RenderAsync<CountryDashboardBody>(services, loggers,
            new Dictionary<string, object?> { [nameof(CountryDashboardBody.View)] = view });
        page = new PublicCountryPage(view.Iso3, view.CountryName, new MarkupString(html));
        if (current.Pages.Count >= Capacity && current.Pages.Keys.FirstOrDefault() is { } making)
        {
            current.Pages.TryRemove(making, out _);
        }
        current.Pages[key] = page;
        return page;
    }
}
