using Microsoft.Extensions.Localization;
using Pathway.Web.Localization;

namespace Pathway.Web.Events.Editing;

public sealed record SeriesDraft(LocalizedText Title, LocalizedText? Description, LocalizedText? Organisers);

/// <summary>A series as an organiser writes it: title and description per language (English required), its organisers.</summary>
public sealed class SeriesInput
{
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleAr { get; set; }
    public string? DescriptionEn { get; set; }
    public string? DescriptionFr { get; set; }
    public string? DescriptionAr { get; set; }
    public string? OrganisersEn { get; set; }
    public string? OrganisersFr { get; set; }
    public string? OrganisersAr { get; set; }
    public int Version { get; set; }

    public SeriesDraft? Check(IStringLocalizer l, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(l);
        errors = [];
        var title = EventText.Localized("Title", TitleEn, TitleFr, TitleAr, required: true, EventText.TitleLength, l, errors);
        var description = EventText.Localized("Description", DescriptionEn, DescriptionFr, DescriptionAr, required: false, EventText.MarkdownLength, l, errors);
        var organisers = EventText.Localized("Organisers", OrganisersEn, OrganisersFr, OrganisersAr, required: false, Event.OrganisersLength, l, errors);
        return errors.Count == 0 ? new SeriesDraft(title!, description, organisers) : null;
    }

    public static SeriesInput From(EventSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return new SeriesInput
        {
            TitleEn = series.Title.En,
            TitleFr = series.Title.Values.GetValueOrDefault("fr"),
            TitleAr = series.Title.Values.GetValueOrDefault("ar"),
            DescriptionEn = series.Description?.Values.GetValueOrDefault("en"),
            DescriptionFr = series.Description?.Values.GetValueOrDefault("fr"),
            DescriptionAr = series.Description?.Values.GetValueOrDefault("ar"),
            OrganisersEn = series.Organisers?.Values.GetValueOrDefault("en"),
            OrganisersFr = series.Organisers?.Values.GetValueOrDefault("fr"),
            OrganisersAr = series.Organisers?.Values.GetValueOrDefault("ar"),
            Version = series.Version,
        };
    }
}
