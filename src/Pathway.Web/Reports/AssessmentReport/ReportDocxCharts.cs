using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Pathway.Web.Components.Charts;
using Pathway.Web.Documents;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Pathway.Web.Reports.AssessmentReport;

/// <summary>
/// The report's charts as native Word charts (DrawingML chart parts with their values inline), so Word
/// draws and shapes every label itself, Arabic included, and a reader can restyle them. Same data and
/// palette as the page's SVG; each carries its description as alt text. Right-to-left documents mirror
/// them (bars grow from the right, the radar runs counter-clockwise).
/// </summary>
internal sealed class ReportDocxCharts(MainDocumentPart main, string languageTag, bool rightToLeft)
{
    private const long Width = 5_900_000;
    private uint nextId = 1;

    public W.Paragraph Radar(ReportRadar radar)
    {
        var series = new C.RadarChartSeries(
            new C.Index { Val = 0 },
            new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue(radar.Title)),
            Shape(ChartPalette.Plain.Fill, line: true),
            new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 7 }),
            Labels("0.0"),
            Categories(radar.Points.Select(point => point.Name).ToList()),
            new C.Values(Numbers(radar.Points.Select(point => point.Mean is { } mean ? (double?)(double)mean : null).ToList(), "0.0")));
        var chart = new C.RadarChart(
            new C.RadarStyle { Val = C.RadarStyleValues.Marker },
            new C.VaryColors { Val = false },
            series,
            new C.AxisId { Val = 1 },
            new C.AxisId { Val = 2 });
        return Place(radar.Title, radar.Description, chart, CategoryAxis(C.AxisPositionValues.Bottom, mirror: rightToLeft),
            ValueAxis(C.AxisPositionValues.Left, maximum: RadarGeometry.Levels, mirror: false, gridlines: true), 4_300_000, legend: false);
    }

    public W.Paragraph Bars(ReportBars bars)
    {
        var chart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Stacked },
            new C.VaryColors { Val = false });
        for (var s = 0; s < bars.Series.Count; s++)
        {
            var item = bars.Series[s];
            var look = item.Look;
            // The legend names carry the level's number, so the series differ without colour.
            var name = item.Mark.Length > 0 ? $"{item.Mark} · {item.Name}" : item.Name;
            chart.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)s },
                new C.Order { Val = (uint)s },
                new C.SeriesText(new C.NumericValue(name)),
                item.Shade == BarShade.NoData ? Hatched(look) : Shape(look.Fill, line: false),
                new C.InvertIfNegative { Val = false },
                Labels("0;;;", look.Text),
                Categories(bars.Rows.Select(row => row.Label).ToList()),
                new C.Values(Numbers(bars.Rows.Select(row => s < row.Values.Count ? (double?)row.Values[s] : 0).ToList(), "0"))));
        }
        chart.Append(new C.GapWidth { Val = 60 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var height = 1_100_000 + (bars.Rows.Count * 380_000L);
        // Horizontal bars list categories from the bottom up unless reversed; reversed, the first behaviour is on top.
        return Place(bars.Title, bars.Description, chart, CategoryAxis(rightToLeft ? C.AxisPositionValues.Right : C.AxisPositionValues.Left, mirror: true),
            ValueAxis(C.AxisPositionValues.Bottom, maximum: null, mirror: rightToLeft, gridlines: true), height, legend: true);
    }

    private W.Paragraph Place(string title, string description, OpenXmlElement plot, C.CategoryAxis categories, C.ValueAxis values, long height, bool legend)
    {
        var part = main.AddNewPart<ChartPart>();
        var chart = new C.Chart(
            new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties { RightToLeft = rightToLeft }, new A.Run(new A.RunProperties { Language = languageTag, FontSize = 1200, Bold = true }, new A.Text(ExportCells.XmlSafe(title)))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), plot, categories, values));
        if (legend)
        {
            chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        }
        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        part.ChartSpace = new C.ChartSpace(
            new C.Date1904 { Val = false },
            new C.EditingLanguage { Val = languageTag },
            new C.RoundedCorners { Val = false },
            chart);
        var id = nextId++;
        var inline = new DW.Inline(
            new DW.Extent { Cx = Width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Chart {id}", Title = ExportCells.XmlSafe(title), Description = ExportCells.XmlSafe(description) },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = main.GetIdOfPart(part) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        var paragraph = new W.Paragraph(new W.ParagraphProperties
        {
            KeepNext = new W.KeepNext(),
            Justification = new W.Justification { Val = W.JustificationValues.Center },
            BiDi = rightToLeft ? new W.BiDi() : null,
        });
        paragraph.Append(new W.Run(new W.Drawing(inline)));
        return paragraph;
    }

    private static C.CategoryAxis CategoryAxis(C.AxisPositionValues position, bool mirror) => new(
        new C.AxisId { Val = 1 },
        new C.Scaling(new C.Orientation { Val = mirror ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax }),
        new C.Delete { Val = false },
        new C.AxisPosition { Val = position },
        new C.MajorTickMark { Val = C.TickMarkValues.None },
        new C.MinorTickMark { Val = C.TickMarkValues.None },
        new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
        new C.CrossingAxis { Val = 2 },
        new C.Crosses { Val = C.CrossesValues.AutoZero },
        new C.AutoLabeled { Val = true },
        new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
        new C.LabelOffset { Val = 100 });

    private static C.ValueAxis ValueAxis(C.AxisPositionValues position, double? maximum, bool mirror, bool gridlines)
    {
        var scaling = new C.Scaling(new C.Orientation { Val = mirror ? C.OrientationValues.MaxMin : C.OrientationValues.MinMax });
        if (maximum is { } max)
        {
            scaling.Append(new C.MaxAxisValue { Val = max }, new C.MinAxisValue { Val = 0 });
        }
        var axis = new C.ValueAxis(
            new C.AxisId { Val = 2 },
            scaling,
            new C.Delete { Val = false },
            new C.AxisPosition { Val = position });
        if (gridlines)
        {
            axis.Append(new C.MajorGridlines(new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = ChartPalette.Hex(ChartPalette.Grid) })))));
        }
        axis.Append(
            new C.NumberingFormat { FormatCode = "0", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between },
            new C.MajorUnit { Val = 1 });
        return axis;
    }

    private static C.ChartShapeProperties Shape(string colour, bool line)
    {
        var fill = new A.SolidFill(new A.RgbColorModelHex { Val = ChartPalette.Hex(colour) });
        return line
            ? new C.ChartShapeProperties(new A.Outline(fill) { Width = 28575 })
            : new C.ChartShapeProperties(fill, new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = ChartPalette.Hex(ChartPalette.Outline) })) { Width = 6350 });
    }

    private static C.ChartShapeProperties Hatched(ChartLook look) => new(
        new A.PatternFill(
            new A.ForegroundColor(new A.RgbColorModelHex { Val = ChartPalette.Hex(ChartPalette.Outline) }),
            new A.BackgroundColor(new A.RgbColorModelHex { Val = ChartPalette.Hex(look.Fill) }))
        { Preset = A.PresetPatternValues.WideUpwardDiagonal },
        new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = ChartPalette.Hex(look.Stroke) }), new A.PresetDash { Val = A.PresetLineDashValues.Dash }) { Width = 6350 });

    /// <summary>Each value written on its point or segment (a zero-free format hides empty segments).</summary>
    private static C.DataLabels Labels(string format, string? colour = null)
    {
        var labels = new C.DataLabels(new C.NumberingFormat { FormatCode = format, SourceLinked = false });
        if (colour is { Length: > 0 })
        {
            labels.Append(new C.TextProperties(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties(new A.SolidFill(new A.RgbColorModelHex { Val = ChartPalette.Hex(colour) })) { Bold = true }), new A.EndParagraphRunProperties())));
        }
        labels.Append(
            new C.ShowLegendKey { Val = false },
            new C.ShowValue { Val = true },
            new C.ShowCategoryName { Val = false },
            new C.ShowSeriesName { Val = false },
            new C.ShowPercent { Val = false },
            new C.ShowBubbleSize { Val = false });
        return labels;
    }

    private static C.CategoryAxisData Categories(List<string> names)
    {
        var literal = new C.StringLiteral(new C.PointCount { Val = (uint)names.Count });
        for (var i = 0; i < names.Count; i++)
        {
            literal.Append(new C.StringPoint(new C.NumericValue(ExportCells.XmlSafe(names[i]))) { Index = (uint)i });
        }
        return new C.CategoryAxisData(literal);
    }

    private static C.NumberLiteral Numbers(List<double?> values, string format)
    {
        var literal = new C.NumberLiteral(new C.FormatCode(format), new C.PointCount { Val = (uint)values.Count });
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                literal.Append(new C.NumericPoint(new C.NumericValue(value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
            }
        }
        return literal;
    }
}
