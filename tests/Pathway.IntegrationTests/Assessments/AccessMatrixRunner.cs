using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Runs rules cell by cell and sorts each answer into an <see cref="Access"/> category.</summary>
public static class AccessMatrixRunner
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs the rules and fails with every cell that differs from its grid; the measured grid goes to the test output.</summary>
    public static async Task AssertAsync(AccessWorld world, IEnumerable<AccessRule> rules)
    {
        var results = await RunAsync(world, rules);
        TestContext.Current.TestOutputHelper?.WriteLine($"{results.Count} cells");
        TestContext.Current.TestOutputHelper?.WriteLine(Grid(results));

        Assert.NotEmpty(results);
        Assert.True(results.All(result => Matches(result.Expected, result.Actual)), Report(results));
    }

    /// <summary>How many read-only cells of one rule run at once: reads change nothing, so their order does not matter.</summary>
    private const int ReadsAtOnce = 4;

    public static async Task<List<CellResult>> RunAsync(AccessWorld world, IEnumerable<AccessRule> rules)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(rules);
        var results = new List<CellResult>();
        foreach (var rule in rules)
        {
            var cells = (from kind in Enum.GetValues<RoundKind>()
                         from caller in Enum.GetValues<Caller>()
                         let expected = rule.Grid.Expected(kind, caller)
                         where expected != Access.NotChecked
                         select (Cell: new Cell(world, kind, caller), Expected: expected)).ToList();
            if (rule.IsWrite || rule.Fresh is not null || rule.After is not null)
            {
                // Writes run one by one: each puts its round back before the next.
                foreach (var (cell, expected) in cells)
                {
                    results.Add(await RunCellAsync(rule, cell, expected));
                }
                continue;
            }
            var answers = new CellResult[cells.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, cells.Count), new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = Ct },
                async (index, _) => answers[index] = await RunCellAsync(rule, cells[index].Cell, cells[index].Expected));
            results.AddRange(answers);
        }
        return results;
    }

    private static async Task<CellResult> RunCellAsync(AccessRule rule, Cell cell, Access expected)
    {
        var world = cell.World;
        var round = cell.Round;
        var values = new Dictionary<string, string>(round.RouteValues.ToDictionary(), StringComparer.OrdinalIgnoreCase);
        if (rule.Fresh is not null)
        {
            foreach (var (name, value) in await rule.Fresh(cell))
            {
                values[name] = value;
            }
        }
        var url = AccessEndpoints.Fill(rule.Pattern, values) + (rule.Query is null ? "" : "?" + rule.Query.Replace("{country}", round.Round.Country, StringComparison.Ordinal));
        var before = rule.IsWrite ? await world.StateOfAsync(round.Id) : null;
        var auditBefore = rule.IsWrite ? await world.AuditCountAsync(round.Id) : 0;

        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        if (rule.Body is not null)
        {
            request.Content = await rule.Body(cell, url);
        }
        var client = rule.IsApi ? world.ApiClient(cell.Caller) : world.PageClient(cell.Caller);
        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var (actual, detail) = Classify(rule, response, body, round);

        if (expected == Access.Indistinct && (actual == Access.NotFound || (int)response.StatusCode is >= 400 and < 500 and not 401 and not 403))
        {
            (actual, detail) = await CompareWithUnknownRoundAsync(rule, cell, values, response, body, detail);
        }
        if (rule.IsWrite && actual is not Access.Allowed && expected is not Access.Allowed)
        {
            var added = await world.AuditCountAsync(round.Id) - auditBefore;
            if (added > 0)
            {
                actual = Access.Allowed;
                detail += $" — but {added} audit entr{(added == 1 ? "y was" : "ies were")} written";
            }
        }
        if (rule.After is not null)
        {
            await rule.After(cell);
        }
        if (before is not null)
        {
            await world.RestoreAsync(round.Id, before);
        }
        return new CellResult(rule, cell.Kind, cell.Caller, expected, actual, $"{url} → {detail}");
    }

    /// <summary>A country code no Member State has, for the country routes' "as for an unknown one".</summary>
    private const string UnknownCountry = "ZZZ";

    /// <summary>
    /// The same request for a round id (or a country) that does not exist: the answer must be the same (status and
    /// body, ids and codes aside).
    /// </summary>
    private static async Task<(Access, string)> CompareWithUnknownRoundAsync(
        AccessRule rule, Cell cell, Dictionary<string, string> values, HttpResponseMessage response, string body, string detail)
    {
        var unknown = Guid.NewGuid().ToString();
        var other = new Dictionary<string, string>(values, StringComparer.OrdinalIgnoreCase) { ["id"] = unknown, ["iso3"] = UnknownCountry };
        var url = AccessEndpoints.Fill(rule.Pattern, other);
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), url);
        if (rule.Body is not null)
        {
            request.Content = await rule.Body(cell, url);
        }
        var client = rule.IsApi ? cell.World.ApiClient(cell.Caller) : cell.World.PageClient(cell.Caller);
        using var answer = await client.SendAsync(request, Ct);
        var otherBody = await answer.Content.ReadAsStringAsync(Ct);
        var byCountry = rule.Pattern.Contains("{iso3", StringComparison.OrdinalIgnoreCase);
        string Plain(string text, string id, string country)
        {
            var plain = text.Replace(id, "{id}", StringComparison.OrdinalIgnoreCase);
            return byCountry ? plain.Replace(country, "{iso3}", StringComparison.Ordinal) : plain;
        }
        var same = answer.StatusCode == response.StatusCode
            && Plain(otherBody, unknown, UnknownCountry) == Plain(body, cell.Round.Id.ToString(), cell.Round.Round.Country);
        return same
            ? (Access.Indistinct, detail + (byCountry ? " (as for an unknown country)" : " (as for an unknown round)"))
            : (Access.Unexpected, detail + $" but {(int)answer.StatusCode} for an unknown {(byCountry ? "country" : "round")}: existence shows");
    }

    /// <summary>The category of a response, and a short description for the failure report.</summary>
    public static (Access Access, string Detail) Classify(AccessRule rule, HttpResponseMessage response, string body, MatrixRound round)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(round);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        var detail = location is null ? $"{status}" : $"{status} → {location}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return (Access.SignIn, detail);
        }
        if (status is >= 300 and < 400 && location is not null)
        {
            if (location.Contains("/account/login", StringComparison.OrdinalIgnoreCase))
            {
                return (Access.SignIn, detail);
            }
            if (location.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase))
            {
                return (Access.Forbidden, detail);
            }
            return (Access.Allowed, detail);
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return (Access.NotFound, detail);
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return (Access.Forbidden, detail);
        }
        if (response.IsSuccessStatusCode && rule.Shows is { } marker)
        {
            return body.Contains(marker, StringComparison.Ordinal)
                ? (Access.Allowed, detail + $" (shows {marker})")
                : (Access.Forbidden, detail + $" (without {marker})");
        }
        if (response.IsSuccessStatusCode)
        {
            var mentions = body.Contains(round.Id.ToString(), StringComparison.OrdinalIgnoreCase)
                || body.Contains(WebUtility.HtmlEncode(round.Title), StringComparison.Ordinal)
                || body.Contains(round.Title, StringComparison.Ordinal);
            return mentions ? (Access.Allowed, detail + " (shows the round)") : (Access.Hidden, detail + " (without the round)");
        }
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
        {
            return (Access.Allowed, detail + ": " + Excerpt(body));
        }
        return (Access.Unexpected, detail + ": " + Excerpt(body));
    }

    /// <summary>A 2xx that does not show the round counts as allowed where allowed is expected (an empty list of mine, a file).</summary>
    public static bool Matches(Access expected, Access actual) =>
        expected == actual || (expected == Access.Allowed && actual == Access.Hidden);

    private static string Excerpt(string body)
    {
        var text = Regex.Replace(body, @"\s+", " ");
        return text.Length <= 160 ? text : text[..160] + "…";
    }

    /// <summary>The measured matrix in the grids' notation: one line per endpoint and round kind, with the status codes.</summary>
    public static string Grid(IReadOnlyList<CellResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"endpoint",-72} {"round",-9} {string.Join(" ", Enum.GetValues<Caller>().Select(Short))}");
        foreach (var row in results.GroupBy(result => (result.Rule.Key, result.Kind)))
        {
            var cells = Enum.GetValues<Caller>().Select(caller => row.FirstOrDefault(result => result.Caller == caller) is { } cell
                ? Letter(cell.Actual) + (Matches(cell.Expected, cell.Actual) ? " " : "!")
                : "- ");
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Key.Key,-72} {row.Key.Kind,-9} {string.Join(" ", cells)}");
        }
        return text.ToString();
    }

    private static string Short(Caller caller) => caller switch
    {
        Caller.FocalPoint => "FP",
        Caller.Facilitator => "Fa",
        Caller.Respondent => "Re",
        Caller.Observer => "Ob",
        Caller.Contributor => "Co",
        Caller.Administrator => "Ad",
        Caller.RegionalOfficer => "RO",
        Caller.Reviewer => "Rv",
        Caller.OtherReviewer => "OR",
        Caller.OtherCountry => "OC",
        Caller.ContentEditor => "CE",
        _ => "An",
    };

    private static string Letter(Access access) => access switch
    {
        Access.Allowed => "A",
        Access.Hidden => "H",
        Access.NotFound => "N",
        Access.Forbidden => "F",
        Access.SignIn => "S",
        Access.Indistinct => "U",
        Access.NotChecked => "-",
        _ => "?",
    };

    /// <summary>A report of every cell that differs from the grid, grouped by endpoint.</summary>
    public static string Report(IReadOnlyList<CellResult> results)
    {
        var failed = results.Where(result => !Matches(result.Expected, result.Actual)).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{failed.Count} of {results.Count} cells differ from the access matrix:");
        foreach (var result in failed)
        {
            text.AppendLine(result.ToString());
        }
        return text.ToString();
    }
}
