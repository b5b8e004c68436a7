namespace Pathway.Web.Accounts;

/// <summary>
/// The site's address as people outside the server reach it, for links that leave the site
/// (invitation e-mails). It comes from configuration, never from the request's Host header, which
/// anyone can forge: <c>Pathway:PublicBaseUrl</c>, else the first listen address in <c>Urls</c>
/// (a wildcard host such as 0.0.0.0 read as localhost), else http://localhost:5080.
/// </summary>
public sealed class PublicAddress
{
    public const string Setting = "Pathway:PublicBaseUrl";

    public PublicAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                throw new InvalidOperationException(
                    $"{Setting} must be an absolute http or https address without query, e.g. https://pathway.example.org, not \"{configured}\".");
            }
            BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
            return;
        }
        var listen = (configuration["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        BaseUrl = listen is null ? "http://localhost:5080" : FromListenAddress(listen);
    }

    /// <summary>Scheme, host, port and any path base, without a trailing slash.</summary>
    public string BaseUrl { get; }

    public string Link(string pathAndQuery) => BaseUrl + pathAndQuery;

    private static string FromListenAddress(string listen)
    {
        // Kestrel accepts "*" and "+" as hosts, which System.Uri does not.
        var normalized = listen.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return "http://localhost:5080";
        }
        var builder = new UriBuilder(uri);
        if (builder.Host is "0.0.0.0" or "[::]" or "::")
        {
            builder.Host = "localhost";
        }
        return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
