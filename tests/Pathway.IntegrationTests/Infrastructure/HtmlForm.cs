using System.Net;
using System.Text.RegularExpressions;

namespace Pathway.IntegrationTests.Infrastructure;

/// <summary>
/// A form as the server rendered it: its fields with their current values, found by the
/// Blazor form name (the hidden <c>_handler</c> field), so tests post what a browser would post.
/// </summary>
public sealed partial class HtmlForm
{
    private readonly Dictionary<string, string> fields;
    private readonly Dictionary<string, string> namesById;

    private HtmlForm(string? action, Dictionary<string, string> fields, Dictionary<string, string> namesById)
    {
        Action = action;
        this.fields = fields;
        this.namesById = namesById;
    }

    public string? Action { get; }

    public IReadOnlyDictionary<string, string> Fields => fields;

    /// <summary>The form whose hidden <c>_handler</c> field is <paramref name="formName"/>.</summary>
    public static HtmlForm Find(string html, string formName)
    {
        var forms = All(html);
        return forms.FirstOrDefault(form => form.Fields.GetValueOrDefault("_handler") == formName)
            ?? throw new InvalidOperationException(
                $"No form named '{formName}' in the page; forms found: {string.Join(", ", forms.Select(form => form.Fields.GetValueOrDefault("_handler") ?? "(unnamed)"))}.");
    }

    /// <summary>The form that posts to <paramref name="action"/> (plain forms without a Blazor form name).</summary>
    public static HtmlForm FindByAction(string html, string action) =>
        All(html).FirstOrDefault(form => form.Action == action)
        ?? throw new InvalidOperationException($"No form posts to '{action}' in the page.");

    public static IReadOnlyList<HtmlForm> All(string html) =>
        [.. FormPattern().Matches(html).Select(match =>
        {
            var attributes = Attributes(match.Groups["attributes"].Value);
            var body = match.Groups["body"].Value;
            return new HtmlForm(attributes.GetValueOrDefault("action"), ReadFields(body), ReadNamesById(body));
        })];

    public HtmlForm With(string name, string value)
    {
        if (!fields.ContainsKey(name))
        {
            throw new InvalidOperationException(
                $"The form has no field '{name}'; its fields are: {string.Join(", ", fields.Keys)}.");
        }
        fields[name] = value;
        return this;
    }

    /// <summary>
    /// Fills the field with the given id (the one its label points at) under whatever name the page
    /// gave it, as a browser would: a test that filled names it assumed could miss a wrongly named field.
    /// </summary>
    public HtmlForm Fill(string id, string value)
    {
        if (!namesById.TryGetValue(id, out var name))
        {
            throw new InvalidOperationException(
                $"The form has no named field with id '{id}'; its ids are: {string.Join(", ", namesById.Keys)}.");
        }
        return With(name, value);
    }

    /// <summary>The name the page gave the field with this id.</summary>
    public string NameOf(string id) => namesById.TryGetValue(id, out var name)
        ? name
        : throw new InvalidOperationException($"The form has no named field with id '{id}'.");

    public HtmlForm Without(string name)
    {
        fields.Remove(name);
        return this;
    }

    public FormUrlEncodedContent ToContent() => new(fields);

    private static Dictionary<string, string> ReadFields(string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(body))
        {
            var attributes = Attributes(input.Value);
            if (!attributes.TryGetValue("name", out var name))
            {
                continue;
            }
            var type = attributes.GetValueOrDefault("type", "text");
            if (type is "checkbox" or "radio" && !attributes.ContainsKey("checked"))
            {
                continue;
            }
            if (type is "submit" or "button")
            {
                continue;
            }
            result[name] = attributes.GetValueOrDefault("value", type is "checkbox" ? "on" : "");
        }
        foreach (Match select in SelectPattern().Matches(body))
        {
            if (!Attributes(select.Groups["attributes"].Value).TryGetValue("name", out var name))
            {
                continue;
            }
            var options = OptionPattern().Matches(select.Groups["body"].Value).Select(option => Attributes(option.Value)).ToList();
            var chosen = options.FirstOrDefault(option => option.ContainsKey("selected")) ?? options.FirstOrDefault();
            result[name] = chosen?.GetValueOrDefault("value") ?? "";
        }
        foreach (Match area in TextAreaPattern().Matches(body))
        {
            if (Attributes(area.Groups["attributes"].Value).TryGetValue("name", out var name))
            {
                result[name] = WebUtility.HtmlDecode(area.Groups["body"].Value);
            }
        }
        return result;
    }

    private static Dictionary<string, string> ReadNamesById(string body)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match control in ControlPattern().Matches(body))
        {
            var attributes = Attributes(control.Value);
            if (attributes.TryGetValue("id", out var id) && attributes.TryGetValue("name", out var name))
            {
                result.TryAdd(id, name);
            }
        }
        return result;
    }

    private static Dictionary<string, string> Attributes(string tag)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in AttributePattern().Matches(tag))
        {
            var value = attribute.Groups["double"].Success ? attribute.Groups["double"].Value
                : attribute.Groups["single"].Success ? attribute.Groups["single"].Value
                : attribute.Groups["bare"].Value;
            result.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(value));
        }
        return result;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex(@"<(?:input|select|textarea)\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ControlPattern();

    [GeneratedRegex(@"<select\b(?<attributes>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectPattern();

    [GeneratedRegex(@"<option\b[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex(@"<textarea\b(?<attributes>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<double>[^""]*)""|'(?<single>[^']*)'|(?<bare>[^\s>]+)))?", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();
}
