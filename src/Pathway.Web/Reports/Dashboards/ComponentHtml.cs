using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Pathway.Web.Reports.Dashboards;

/// <summary>Renders one of our components to HTML outside the page's own render, for the dashboards' caches to keep.</summary>
internal static class ComponentHtml
{
    /// <summary>The component's HTML in the request's languages, rendered with the request's services.</summary>
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, ILoggerFactory loggers, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        await using var renderer = new HtmlRenderer(services, loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            // The renderer's dispatcher does not carry the request's languages.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
