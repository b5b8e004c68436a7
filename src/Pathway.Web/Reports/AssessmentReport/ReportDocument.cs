using System.Globalization;
using Pathway.Web.Components.Charts;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// One piece of a report section. The report is composed once into these blocks, in one language, and
/// every output (the print page, the DOCX) renders the same blocks, so they cannot say different things.
/// </summary>
public abstract record ReportBlock;

/// <summary>A sub-heading inside a section (a behaviour, a mechanism).</summary>
public sealed record ReportHeading(string Text) : ReportBlock;

/// <summary>A paragraph; a note is set smaller and muted.</summary>
public sealed record ReportParagraph(string Text, bool Note = false) : ReportBlock;

/// <summary>Label–value pairs (the cover, a mechanism's record).</summary>
public sealed record ReportFacts(IReadOnlyList<ReportFact> Facts) : ReportBlock;

public sealed record ReportFact(string Label, string Value);

/// <summary>A table with a caption and header row; a cell with a level is shaded in that level's colour.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<ReportCell>> Rows) : ReportBlock
{
    /// <summary>The data table of the chart before it: the page's chart component shows its own, the DOCX needs this one.</summary>
    public bool ChartTable { get; init; }
}

public sealed record ReportCell(string Text, int? Level = null);

/// <summary>The behaviour profile as a radar (its table goes with it).</summary>
public sealed record ReportRadar(string Title, string Description, IReadOnlyList<BehaviourScorePoint> Points) : ReportBlock;

/// <summary>The mechanism heat map (a shaded table in the DOCX).</summary>
public sealed record ReportHeatMap(string Title, IReadOnlyList<HeatMapRow> Rows) : ReportBlock;

/// <summary>Stacked bars: how many mechanisms of each behaviour are at each level.</summary>
public sealed record ReportBars(string Title, string Description, IReadOnlyList<BarRow> Rows, IReadOnlyList<BarSeries> Series) : ReportBlock;

/// <summary>A section of the report: printed from a new page, one table (two columns) per section when bilingual.</summary>
public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>The whole report in one language.</summary>
public sealed record ReportDocument(
    CultureInfo Culture,
    string Title,
    string RunningHeader,
    bool IsPublic,
    bool IsDemonstration,
    string FileStem,
    IReadOnlyList<ReportSection> Sections)
{
    public bool RightToLeft => Culture.TextInfo.IsRightToLeft;

    public string Language => Culture.TwoLetterISOLanguageName;
}

/// <summary>
/// A report as asked for: in the reader's language, or bilingual (English and another language, side by
/// side, section by section; both documents have the same sections in the same order). Charts are drawn
/// once, from <see cref="Primary"/>.
/// </summary>
public sealed record ReportEdition(ReportDocument Primary, ReportDocument? English, ReportDocument? Other)
{
    public bool Bilingual => English is not null && Other is not null;
}
