using System.Text.RegularExpressions;

namespace Pathway.Web.Operations;

/// <summary>
/// Tells the page that asked for a file that its download has started, for the "Preparing your file…" status
/// (wwwroot/busy.js). The script puts a random token on the file's address (<c>?download-token=…</c>); when the
/// answer's headers go out, this sets a short-lived cookie named after the token, which the script sees and
/// clears the status. The browser keeps downloading the file itself (to disk, with its own progress), so a
/// whole-world workbook never has to sit in the page's memory. The cookie carries nothing but "started".
/// </summary>
public static partial class DownloadStartedSignal
{
    public const string TokenParameter = "download-token";
    public const string CookiePrefix = "download-started-";

    public static IApplicationBuilder UseDownloadStartedSignal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Only a token the script could have made is echoed: nothing a link could inject into a header.
            if (context.Request.Query[TokenParameter].ToString() is { Length: > 0 } token && Token().IsMatch(token))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Cookies.Append(CookiePrefix + token, "1", new CookieOptions
                    {
                        Path = "/",
                        MaxAge = TimeSpan.FromMinutes(2),
                        SameSite = SameSiteMode.Strict,
                        Secure = context.Request.IsHttps,
                        // The page's script reads it; it says only that a download began.
                        HttpOnly = false,
                        IsEssential = true,
                    });
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });

    [GeneratedRegex("^[a-z0-9]{16,32}$")]
    private static partial Regex Token();
}
