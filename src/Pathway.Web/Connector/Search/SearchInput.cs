using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Pathway.Web.Framework;

namespace Pathway.Web.Connector.Search;

/// <summary>
/// A search as it arrives in the query string (page and API alike). <see cref="Check"/> turns it into a
/// <see cref="SearchQuery"/> or a failure keyed by the parameter's name. Filters are checked for their shape only
/// (a well-formed code nobody used finds nothing), so a search costs no look-up of the codes.
/// </summary>
public sealed partial record SearchInput(
    string? Q,
    IReadOnlyList<string>? Kind = null,
    string? Country = null,
    string? Region = null,
    string? Behaviour = null,
    string? Mechanism = null,
    string? Instrument = null,
    string? From = null,
    string? To = null,
    string? Page = null)
{
    public const int QueryMaxLength = 200;

    /// <summary>Words beyond this are dropped: each is one more index look-up, and 32 already say a lot.</summary>
    public const int MaxWords = 32;

    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    public const int MaxPage = 500;

    public Outcome<SearchQuery> Check(IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var text = Trimmed(Q);
        if (text is { Length: > QueryMaxLength })
        {
            errors["q"] = [localizer["Search.Error.TooLong", QueryMaxLength.ToString(CultureInfo.CurrentCulture)]];
        }

        var kinds = new List<SearchKind>();
        foreach (var value in (Kind ?? []).SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!char.IsAsciiLetter(value[0]) || !Enum.TryParse<SearchKind>(value, ignoreCase: true, out var kind))
            {
                errors["kind"] = [localizer["Search.Error.Kind", value, string.Join(", ", Enum.GetNames<SearchKind>())]];
                break;
            }
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }

        var country = Code(Country, CountryCode(), "country", "Search.Error.Country", localizer, errors);
        var region = Code(Region, RegionCode(), "region", "Search.Error.Region", localizer, errors);
        var behaviour = Code(Behaviour, BehaviourCode(), "behaviour", "Search.Error.Behaviour", localizer, errors);
        var mechanism = Code(Mechanism, MechanismCode(), "mechanism", "Search.Error.Mechanism", localizer, errors);

        string? instrument = null;
        if (Trimmed(Instrument) is { } named)
        {
            if (char.IsAsciiLetter(named[0]) && Enum.TryParse<InstrumentCategory>(named, ignoreCase: true, out var category))
            {
                instrument = category.ToString();
            }
            else
            {
                errors["instrument"] = [localizer["Search.Error.Instrument", named, string.Join(", ", Enum.GetNames<InstrumentCategory>())]];
            }
        }

        var from = Year(From, "from", localizer, errors);
        var to = Year(To, "to", localizer, errors);
        if (from is not null && to is not null && from > to)
        {
            errors["to"] = [localizer["Search.Error.YearOrder"]];
        }

        var page = 1;
        if (Trimmed(Page) is { } pageText
            && !(int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= MaxPage))
        {
            errors["page"] = [localizer["Search.Error.Page", MaxPage.ToString(CultureInfo.CurrentCulture)]];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(localizer["Search.Error.Title"], localizer["Search.Error.Detail", string.Join(", ", errors.Keys)], errors);
        }
        var words = SearchFolding.Words(text).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        return new SearchQuery(words, kinds, country, region, behaviour, mechanism, instrument, from, to, page);
    }

    private static string? Code(string? value, Regex shape, string field, string message, IStringLocalizer localizer, Dictionary<string, string[]> errors)
    {
        if (Trimmed(value) is not { } code)
        {
            return null;
        }
        if (!shape.IsMatch(code))
        {
            errors[field] = [localizer[message, code]];
            return null;
        }
        return code.ToUpperInvariant();
    }

    private static int? Year(string? value, string field, IStringLocalizer localizer, Dictionary<string, string[]> errors)
    {
        if (Trimmed(value) is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= FirstYear and <= LastYear)
        {
            return year;
        }
        errors[field] = [localizer["Search.Error.Year", text, FirstYear.ToString(CultureInfo.InvariantCulture), LastYear.ToString(CultureInfo.InvariantCulture)]];
        return null;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Za-z]{3,4}$")]
    private static partial Regex RegionCode();

    [GeneratedRegex("^[A-Za-z]{2,4}$")]
    private static partial Regex BehaviourCode();

    [GeneratedRegex("^[A-Za-z]{2,4}\\.[0-9]{1,2}$")]
    private static partial Regex MechanismCode();
}
