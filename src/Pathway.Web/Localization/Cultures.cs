using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Pathway.Web.Localization;

/// <summary>The interface languages and how a request's language is chosen.</summary>
public static class Cultures
{
    public const string CookieName = ".Pathway.Culture";

    public static readonly string[] Supported = ["en", "fr", "ar"];

    public const string Default = "en";

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    /// <summary>
    /// Builds the culture object. Arabic keeps the Gregorian calendar: the neutral "ar" culture
    /// would otherwise follow a Hijri calendar for some regional defaults.
    /// </summary>
    public static CultureInfo Create(string name)
    {
        var culture = new CultureInfo(name);
        if (culture.TwoLetterISOLanguageName == "ar")
        {
            culture.DateTimeFormat.Calendar = new GregorianCalendar();
        }
        return culture;
    }

    public static IServiceCollection AddPathwayLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Supported.Select(Create).ToList();
            options.DefaultRequestCulture = new RequestCulture(Create(Default));
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// Honours <c>?culture=</c> for this request and remembers it in a cookie, so the language
    /// switcher works as plain links, without JavaScript.
    /// </summary>
    public static IApplicationBuilder UsePathwayLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Use(async (context, next) =>
        {
            var requested = context.Request.Query["culture"].ToString();
            if (IsSupported(requested))
            {
                context.Response.Cookies.Append(
                    CookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(requested.ToLowerInvariant())),
                    new CookieOptions
                    {
                        MaxAge = TimeSpan.FromDays(365),
                        IsEssential = true,
                        SameSite = SameSiteMode.Lax,
                        HttpOnly = true,
                        Secure = context.Request.IsHttps,
                    });
            }
            await next(context);
        });
        return app;
    }
}
