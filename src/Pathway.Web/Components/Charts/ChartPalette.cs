namespace Pathway.Web.Components.Charts;

/// <summary>How one level, answer state or series is drawn: fill, outline, dash and the colour of text on it.</summary>
public sealed record ChartLook(string Fill, string Stroke, string? Dash, string Text);

/// <summary>How one line of a trend chart is drawn: colour, dash and marker shape, so lines differ without colour.</summary>
public sealed record LineLook(string Colour, string? Dash, MarkerShape Marker);

/// <summary>The marker drawn at each point of a trend line.</summary>
public enum MarkerShape
{
    Circle,
    Square,
    Triangle,
    Diamond,
}

/// <summary>
/// The colours every chart (pages, print, DOCX) uses. Levels 1–4 take a sequential yellow-green-blue
/// palette whose lightness falls with the level, so it reads in greyscale and with any colour vision;
/// charts also print the level's number or name beside it, so colour is never the only signal.
/// </summary>
public static class ChartPalette
{
    public const string Grid = "#9aa5ad";
    public const string Ink = "#212529";
    public const string MutedInk = "#4a5560";
    public const string Outline = "#8c8c8c";

    /// <summary>A plain bar (not a level): a mid blue readable on white.</summary>
    public static readonly ChartLook Plain = new("#2c7fb8", "#1f5f8b", null, "#ffffff");

    /// <summary>No data: white with a grey dashed outline (and a hatch pattern where the chart defines one).</summary>
    public static readonly ChartLook NoData = new("#f0f0f0", "#6c757d", "4 3", "#212529");

    /// <summary>Published, but without a level for the measure shown (not rated, or not this part published): a mid grey.</summary>
    public static readonly ChartLook NoLevel = new("#bdbdbd", "#6c757d", null, "#212529");

    private static readonly ChartLook[] LevelLooks =
    [
        new("#ffffcc", Outline, null, Ink),
        new("#a1dab4", Outline, null, Ink),
        new("#41b6c4", Outline, null, Ink),
        new("#225ea8", Outline, null, "#ffffff"),
    ];

    // Okabe–Ito colours (distinguishable with colour-blindness), each with its own dash and marker.
    private static readonly LineLook[] LineLooks =
    [
        new("#0072b2", null, MarkerShape.Circle),
        new("#d55e00", "6 3", MarkerShape.Square),
        new("#009e73", "2 3", MarkerShape.Triangle),
        new("#cc79a7", "8 3 2 3", MarkerShape.Diamond),
        new("#000000", "4 4", MarkerShape.Circle),
        new("#e69f00", "1 2", MarkerShape.Square),
    ];

    /// <summary>The look of a level 1–4.</summary>
    public static ChartLook Level(int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, LevelLooks.Length);
        return LevelLooks[level - 1];
    }

    /// <summary>The look of the n-th line of a trend chart (repeats after six).</summary>
    public static LineLook Line(int index) => LineLooks[index % LineLooks.Length];

    /// <summary>A colour without its "#", as DOCX wants it.</summary>
    public static string Hex(string colour) => colour.TrimStart('#').ToUpperInvariant();
}
