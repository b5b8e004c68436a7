using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pathway.Bench;

/// <summary>
/// The issue's assessment scenarios, signed in as the people <c>generate --round-participants</c> made:
/// <list type="bullet">
/// <item><c>PUT /api/assessments/{rating round}/my-ratings/{code}</c>: each client is a different respondent
/// (bearer token) and moves through the mechanisms and levels, so every request changes a stored answer;</item>
/// <item><c>GET /assessments/{results round}/results</c>: the results page, as the focal point signed in with the cookie;</item>
/// <item><c>GET /api/assessments/{results round}/scores</c> and <c>/spread</c>: as the focal point (bearer token).</item>
/// </list>
/// </summary>
internal static partial class AssessmentScenarios
{
    public const string SaveRating = "PUT my-ratings/{code} (respondents)";
    public const string ResultsPage = "/assessments/{id}/results (page)";
    public const string Scores = "/api/assessments/{id}/scores";
    public const string Spread = "/api/assessments/{id}/spread";
    public const string PlanPage = "/assessments/{id}/plan (page, 300 items)";
    public const string ComparePage = "/assessments/{id}/compare/{earlier} (page)";
    public const string XlsxExport = "plan export xlsx, 300 items (1 client)";
    public const string DocxExport = "plan export docx, 300 items (1 client)";
    public const string CsvExport = "plan export csv, 300 items (1 client)";
    public const string ReportDocx = "assessment report docx (1 client)";
    public const string BilingualReportDocx = "assessment report docx, English beside Arabic (1 client)";
    public const string ArabicXlsxExport = "plan export xlsx in Arabic, 300 items (1 client)";
    public const string SignInUnknown = "POST /api/auth/login, unknown account (1 client)";
    public const string SignInWrongPassword = "POST /api/auth/login, known account, wrong password (1 client)";
    public const string SignInKnown = "POST /api/auth/login, known account, right password (1 client)";

    public static string Describe(BenchRoundsFile rounds)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        return string.Create(CultureInfo.InvariantCulture,
            $"rounds of {rounds.Respondents.Count} respondents × {rounds.MechanismCodes.Count} mechanisms ({rounds.Ratings} ratings, {rounds.ConsensusRatings} agreed); plan of {rounds.PlanItems} items");
    }

    public static async Task<List<Scenario>> CreateAsync(HttpClient client, Uri baseUri, BenchRoundsFile rounds, int clients)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(rounds);
        var respondents = rounds.Respondents.Take(Math.Max(1, Math.Min(clients, rounds.Respondents.Count))).ToList();
        Console.WriteLine($"Signing in {respondents.Count} respondents and the focal point ({rounds.FocalPoint})...");
        var tokens = new List<string>();
        foreach (var email in respondents)
        {
            tokens.Add(await BearerTokenAsync(client, baseUri, email, rounds.Password));
        }
        var focalToken = await BearerTokenAsync(client, baseUri, rounds.FocalPoint, rounds.Password);
        var focalCookie = await SessionCookieAsync(baseUri, rounds.FocalPoint, rounds.Password);

        var codes = rounds.MechanismCodes;
        var ratingBase = new Uri(baseUri, $"/api/assessments/{rounds.RatingRound}/my-ratings/");
        var results = new Uri(baseUri, $"/assessments/{rounds.ResultsRound}/results");
        var scores = new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/scores");
        var spread = new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/spread");
        return
        [
            new Scenario(SaveRating, new Uri(ratingBase, "{code}"), (index, iteration) =>
            {
                // Client i rotates through the mechanisms from its own starting point; the level changes every time round.
                var code = codes[(int)((index * 7 + iteration) % codes.Count)];
                var level = (int)((index + iteration / codes.Count) % 4) + 1;
                var request = new HttpRequestMessage(HttpMethod.Put, new Uri(ratingBase, Uri.EscapeDataString(code)))
                {
                    Content = new StringContent(string.Create(CultureInfo.InvariantCulture, $$"""{"level":{{level}}}"""), Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[index % tokens.Count]);
                return request;
            }),
            WithCookie(ResultsPage, results, focalCookie),
            Authorised(Scores, scores, focalToken),
            Authorised(Spread, spread, focalToken),
            WithCookie(PlanPage, new Uri(baseUri, $"/assessments/{rounds.ResultsRound}/plan"), focalCookie),
            WithCookie(ComparePage, new Uri(baseUri, $"/assessments/{rounds.ResultsRound}/compare/{rounds.EarlierRound}"), focalCookie),
            Authorised(XlsxExport, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/plan/export/xlsx"), focalToken) with { Clients = 1 },
            Authorised(DocxExport, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/plan/export/docx"), focalToken) with { Clients = 1 },
            Authorised(CsvExport, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/plan/export/csv"), focalToken) with { Clients = 1 },
            Authorised(ArabicXlsxExport, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/plan/export/xlsx?lang=ar"), focalToken) with { Clients = 1 },
            Authorised(ReportDocx, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/report.docx"), focalToken) with { Clients = 1 },
            Authorised(BilingualReportDocx, new Uri(baseUri, $"/api/assessments/{rounds.ResultsRound}/report.docx?bilingual=ar"), focalToken) with { Clients = 1 },
            .. SignInScenarios(baseUri, rounds),
        ];
    }

    /// <summary>
    /// Sign-in must take the same time whether or not the address has an account (issue 9 §2.5), so
    /// the three answers are timed one request at a time. Wrong passwords go to the second half of the
    /// respondents and right ones to the first, so the lockout of this client after repeated failures
    /// never refuses a right password. They stay out of the shared pre-warm: each costs a password hash
    /// (~50 ms of CPU), and there they took the CPU the pages need to reach their steady state.
    /// </summary>
    private static IEnumerable<Scenario> SignInScenarios(Uri baseUri, BenchRoundsFile rounds)
    {
        var login = new Uri(baseUri, "/api/auth/login");
        var half = Math.Max(1, rounds.Respondents.Count / 2);
        var rightOnes = rounds.Respondents.Take(half).ToList();
        var wrongOnes = rounds.Respondents.Skip(half).DefaultIfEmpty(rounds.FocalPoint).ToList();
        HttpRequestMessage SignIn(string email, string password) => new(HttpMethod.Post, login)
        {
            Content = JsonContent.Create(new { email, password }),
        };
        yield return new Scenario(SignInUnknown, login, (_, iteration) =>
            SignIn(string.Create(CultureInfo.InvariantCulture, $"nobody{iteration}@bench.pathway.invalid"), rounds.Password))
        { Clients = 1, ExpectedStatus = HttpStatusCode.Unauthorized, Prewarm = false };
        yield return new Scenario(SignInWrongPassword, login, (_, iteration) =>
            SignIn(wrongOnes[(int)(iteration % wrongOnes.Count)], rounds.Password + "-wrong"))
        { Clients = 1, ExpectedStatus = HttpStatusCode.Unauthorized, Prewarm = false };
        yield return new Scenario(SignInKnown, login, (_, iteration) =>
            SignIn(rightOnes[(int)(iteration % rightOnes.Count)], rounds.Password))
        { Clients = 1, Prewarm = false };
    }

    private static Scenario WithCookie(string name, Uri uri, string cookie) => new(name, uri, (_, _) =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("Cookie", cookie);
        return request;
    });

    private static Scenario Authorised(string name, Uri uri, string token) => new(name, uri, (_, _) =>
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    });

    /// <summary>POST /api/auth/login, as an API client signs in.</summary>
    private static async Task<string> BearerTokenAsync(HttpClient client, Uri baseUri, string email, string password)
    {
        using var response = await client.PostAsJsonAsync(new Uri(baseUri, "/api/auth/login"), new { email, password });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Signing in {email} through /api/auth/login gave {(int)response.StatusCode}: {text}");
        }
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Signs in through the login page as a browser does (form + antiforgery) and returns the Cookie header to send.</summary>
    private static async Task<string> SessionCookieAsync(Uri baseUri, string email, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false, UseProxy = false };
        using var browser = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var login = new Uri(baseUri, "/account/login");
        var page = await browser.GetStringAsync(login);
        var token = AntiforgeryPattern().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException("The login page carries no antiforgery token.");
        }
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var response = await browser.PostAsync(login, form);
        var header = cookies.GetCookieHeader(baseUri);
        if (response.StatusCode != HttpStatusCode.Redirect || !header.Contains(".Pathway.Session", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Signing in {email} through /account/login gave {(int)response.StatusCode} without a session cookie.");
        }
        return header;
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*?value=""(?<value>[^""]+)""")]
    private static partial Regex AntiforgeryPattern();
}
