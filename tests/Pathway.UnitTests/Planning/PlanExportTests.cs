using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pathway.Web;
using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Pathway.UnitTests.Planning;

/// <summary>The plan's XLSX, DOCX and CSV writers, on hand-made plans in English, French and Arabic.</summary>
public sealed class PlanExportTests
{
    private static readonly IStringLocalizer Texts = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    private static readonly DateTimeOffset ExportedAt = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private static readonly string LongText = string.Concat(Enumerable.Repeat("Convene the regulator, the purchaser and private providers. ", 33)).Trim();

    public static TheoryData<string, string> LanguagesAndPlans()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in Cultures.Supported)
        {
            foreach (var plan in new[] { "empty", "special", "many" })
            {
                data.Add(language, plan);
            }
        }
        return data;
    }

    // ---- Hand-made plans ----

    /// <summary>A name in the three interface languages.</summary>
    private sealed record Words(string En, string Fr, string Ar)
    {
        public string In(string language) => language switch { "fr" => Fr, "ar" => Ar, _ => En };
    }

    private static PlanExport Model(string language, IReadOnlyList<ActionItemView> items, bool endorsed = true)
    {
        var culture = Cultures.Create(language);
        var levels = new[]
        {
            new Words("Emerging", "Émergent", "ناشئ"), new Words("Progressing", "En progression", "قيد التقدّم"),
            new Words("Established", "Établi", "راسخ"), new Words("Advanced", "Avancé", "متقدّم"),
        };
        var strategy = new Words("Deliver strategy", "Conduire la stratégie", "تنفيذ الاستراتيجية").In(language);
        var structures = new Words("Align structures", "Aligner les structures", "مواءمة الهياكل").In(language);
        ExportMechanism[] mechanisms =
        [
            new("DS", strategy, "DS.1", new Words("National health strategy", "Stratégie nationale de santé", "استراتيجية صحية وطنية").In(language), MechanismAnswer.Rated(2), 3),
            new("DS", strategy, "DS.2", new Words("Private sector engagement policy", "Politique d'engagement du secteur privé", "سياسة إشراك القطاع الخاص").In(language), MechanismAnswer.Rated(1), 2),
            new("AS", structures, "AS.1", new Words("PPP unit", "Unité PPP", "وحدة الشراكات").In(language), MechanismAnswer.InsufficientInformation, null),
        ];
        var plan = new PlanView(
            Guid.NewGuid(), endorsed ? PlanStatus.Endorsed : PlanStatus.Draft, PlanHorizon.OneYear, PriorityWeights.Default,
            endorsed ? "Dr Amal Hassan" : null, endorsed ? new DateTimeOffset(2026, 10, 1, 14, 0, 0, TimeSpan.Zero) : null,
            endorsed ? "Endorsed at the steering committee, \"with thanks\"." : null, endorsed ? 2 : 0, null, 3, items);
        return new PlanExport(
            culture, "Round 2026 — national", "EGY", new Words("Egypt", "Égypte", "مصر").In(language), "1.0.0",
            levels.Select((name, i) => (Level: i + 1, Name: name.In(language))).ToDictionary(pair => pair.Level, pair => pair.Name),
            mechanisms, plan, ExportedAt);
    }

    private static ActionItemView Item(
        string code = "DS.1", string what = "Draft the private sector annex of the national health strategy.", ActionType? type = ActionType.PolicyOrStrategy,
        string? organisation = "Ministry of Health, planning directorate", string? person = "Head of planning",
        DateOnly? start = null, DateOnly? due = null, string? resources = "Two staff, consultant", decimal? budget = 25_000.5m, string? currency = "USD",
        int? from = 2, int? to = 3, ActionStatus status = ActionStatus.OnTrack, DateOnly? completed = null, bool overdue = false, bool carried = false,
        IReadOnlyList<ProgressNoteView>? notes = null) =>
        new(Guid.NewGuid(), code, null, what, type, organisation, person, start ?? new DateOnly(2026, 1, 15), due ?? new DateOnly(2026, 12, 31),
            resources, budget, currency, from, to, status, completed, overdue, carried, ExportedAt, 1, notes ?? []);

    private static List<ActionItemView> Items(string plan) => plan switch
    {
        "empty" => [],
        "special" =>
        [
            Item(what: "=HYPERLINK(\"http://example.org\",\"click\")", organisation: "+Ministry", person: "-Lead", resources: "@SUM(A1:A2)"),
            Item(what: "Commas, \"quotes\" and\nline breaks\r\nall in one; <tags> & 'apostrophes'", budget: null, currency: null),
            Item(what: "Control \u0001 character and emoji 🚑 and Arabic: إشراك القطاع الخاص", start: null, due: null,
                type: null, organisation: null, person: null, resources: null, budget: null, currency: null, from: null, to: null,
                status: ActionStatus.NotStarted) with { Start = null, Due = null },
            Item(code: "XX.9", what: "An item whose mechanism left the framework", carried: true),
            Item(code: "DS.2", what: LongText, resources: LongText, status: ActionStatus.Done, completed: new DateOnly(2026, 6, 30),
                notes: [Note(new DateOnly(2026, 3, 1), "Started."), Note(new DateOnly(2026, 6, 30), "Finished — annex adopted.")]),
            Item(code: "AS.1", what: "Overdue work", status: ActionStatus.Delayed, overdue: true, due: new DateOnly(2026, 2, 1), from: 1, to: 2),
        ],
        _ => Many(60),
    };

    private static List<ActionItemView> Many(int count)
    {
        string[] codes = ["DS.1", "DS.2", "AS.1"];
        var statuses = Enum.GetValues<ActionStatus>();
        var types = Enum.GetValues<ActionType>();
        return [.. Enumerable.Range(0, count).Select(i => Item(
            code: codes[i % codes.Length],
            what: $"Action {i + 1}: agree terms of reference with private providers and publish them.",
            type: types[i % types.Length],
            start: new DateOnly(2026, 1 + (i % 12), 1),
            due: new DateOnly(2027, 1 + (i % 12), 28),
            budget: i % 4 == 0 ? null : 1000m * i,
            status: statuses[i % statuses.Length],
            overdue: i % 7 == 0,
            notes: i % 3 == 0 ? [Note(new DateOnly(2026, 5, 1), $"Progress on action {i + 1}.")] : null))];
    }

    private static ProgressNoteView Note(DateOnly on, string text) => new(Guid.NewGuid(), on, ActionStatus.OnTrack, text, "Focal point", ExportedAt);

    private static string Errors(IEnumerable<ValidationErrorInfo> errors) =>
        string.Join("\n", errors.Select(error => $"{error.Part?.Uri} {error.Path?.XPath}: {error.Description}"));

    // ---- Validation: every file passes the Open XML validator ----

    [Theory]
    [MemberData(nameof(LanguagesAndPlans))]
    public void The_xlsx_passes_the_Open_XML_validator(string language, string plan)
    {
        var bytes = PlanXlsxWriter.Write(Model(language, Items(plan)), Texts);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).ToList();

        Assert.True(errors.Count == 0, Errors(errors));
    }

    [Theory]
    [MemberData(nameof(LanguagesAndPlans))]
    public void The_docx_passes_the_Open_XML_validator(string language, string plan)
    {
        var bytes = PlanDocxWriter.Write(Model(language, Items(plan), endorsed: plan != "empty"), Texts);

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document, TestContext.Current.CancellationToken).ToList();

        Assert.True(errors.Count == 0, Errors(errors));
    }

    // ---- XLSX ----

    private static SpreadsheetDocument OpenXlsx(PlanExport export) => SpreadsheetDocument.Open(new MemoryStream(PlanXlsxWriter.Write(export, Texts)), false);

    private static (X.Worksheet Sheet, string Name)[] Sheets(SpreadsheetDocument document)
    {
        var workbook = document.WorkbookPart!;
        return [.. workbook.Workbook.Sheets!.Elements<X.Sheet>()
            .Select(sheet => (((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet, sheet.Name!.Value!))];
    }

    private static string CellText(SpreadsheetDocument document, X.Cell cell) =>
        cell.DataType?.Value == X.CellValues.SharedString
            ? document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<X.SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText
            : cell.CellValue?.Text ?? "";

    private static X.CellFormat FormatOf(SpreadsheetDocument document, X.Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<X.CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static X.Cell CellAt(X.Worksheet sheet, string reference) =>
        sheet.Descendants<X.Cell>().Single(cell => cell.CellReference == reference);

    [Theory]
    [InlineData("en", "Plan", "Columns", "About")]
    [InlineData("fr", "Plan", "Colonnes", "À propos")]
    [InlineData("ar", "الخطة", "الأعمدة", "عن الملف")]
    public void The_workbook_has_the_plan_the_column_explanations_and_the_facts_in_the_readers_language(string language, string plan, string columns, string about)
    {
        using var document = OpenXlsx(Model(language, Items("special")));

        Assert.Equal([plan, columns, about], Sheets(document).Select(sheet => sheet.Name));
    }

    [Fact]
    public void The_plan_sheet_has_one_row_per_item_under_a_bold_frozen_filtered_header()
    {
        var items = Items("many");
        using var document = OpenXlsx(Model("en", items));
        var sheet = Sheets(document)[0].Sheet;

        var rows = sheet.Descendants<X.Row>().ToList();
        Assert.Equal(items.Count + 1, rows.Count);
        var header = rows[0].Elements<X.Cell>().ToList();
        Assert.Equal(PlanColumnCount, header.Count);
        Assert.Equal(["Behaviour", "Mechanism code", "Mechanism", "Action"], header.Take(4).Select(cell => CellText(document, cell)));
        var bold = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<X.Font>().ElementAt((int)FormatOf(document, header[0]).FontId!.Value);
        Assert.NotNull(bold.Bold);
        var pane = sheet.Descendants<X.Pane>().Single();
        Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal($"A1:S{items.Count + 1}", sheet.Elements<X.AutoFilter>().Single().Reference!.Value);
        Assert.All(sheet.Descendants<X.Column>(), column => Assert.InRange(column.Width!.Value, 8, 60));
    }

    private const int PlanColumnCount = 19;

    [Fact]
    public void Dates_and_numbers_are_typed_values_with_a_number_format()
    {
        using var document = OpenXlsx(Model("fr", [Item(start: new DateOnly(2026, 3, 15), budget: 1234.5m, from: 2, to: 3)]));
        var sheet = Sheets(document)[0].Sheet;

        var start = CellAt(sheet, "H2");
        Assert.Null(start.DataType);
        Assert.Equal(new DateTime(2026, 3, 15).ToOADate(), double.Parse(start.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(14u, FormatOf(document, start).NumberFormatId!.Value);
        var budget = CellAt(sheet, "K2");
        Assert.Null(budget.DataType);
        Assert.Equal(1234.5m, decimal.Parse(budget.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal(4u, FormatOf(document, budget).NumberFormatId!.Value);
        Assert.Equal("2", CellAt(sheet, "M2").CellValue!.Text);
        Assert.Equal("Non", CellText(document, CellAt(sheet, "Q2")));
    }

    [Fact]
    public void Empty_dates_and_budgets_leave_their_cells_empty()
    {
        using var document = OpenXlsx(Model("en", [Item(start: null, budget: null, currency: null) with { Start = null, Due = null }]));
        var sheet = Sheets(document)[0].Sheet;

        var references = sheet.Descendants<X.Row>().ElementAt(1).Elements<X.Cell>().Select(cell => cell.CellReference!.Value).ToList();
        Assert.DoesNotContain("H2", references);
        Assert.DoesNotContain("I2", references);
        Assert.DoesNotContain("K2", references);
        Assert.DoesNotContain("L2", references);
    }

    [Fact]
    public void Text_that_looks_like_a_formula_is_kept_as_text_with_the_quote_prefix()
    {
        using var document = OpenXlsx(Model("en", Items("special")));
        var sheet = Sheets(document)[0].Sheet;

        foreach (var reference in new[] { "D2", "F2", "G2", "J2" })
        {
            var cell = CellAt(sheet, reference);
            Assert.Equal(X.CellValues.SharedString, cell.DataType!.Value);
            Assert.True(FormatOf(document, cell).QuotePrefix?.Value, $"{reference} has no quote prefix.");
        }
        Assert.Equal("=HYPERLINK(\"http://example.org\",\"click\")", CellText(document, CellAt(sheet, "D2")));
        Assert.Empty(sheet.Descendants<X.CellFormula>());
        Assert.Null(FormatOf(document, CellAt(sheet, "D3")).QuotePrefix);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ar")]
    public void The_columns_sheet_explains_every_column_of_the_plan_sheet_one_row_each(string language)
    {
        using var document = OpenXlsx(Model(language, Items("special")));
        var sheets = Sheets(document);

        var headers = sheets[0].Sheet.Descendants<X.Row>().First().Elements<X.Cell>().Select(cell => CellText(document, cell)).ToList();
        var rows = sheets[1].Sheet.Descendants<X.Row>().Skip(1).ToList();
        Assert.Equal(headers.Count, rows.Count);
        Assert.Equal(headers, rows.Select(row => CellText(document, row.Elements<X.Cell>().First())));
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(CellText(document, row.Elements<X.Cell>().ElementAt(1)))));
        Assert.DoesNotContain(rows, row => CellText(document, row.Elements<X.Cell>().ElementAt(1)).StartsWith("Export.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_about_sheet_names_the_round_country_framework_status_and_endorsement()
    {
        using var document = OpenXlsx(Model("en", Items("special")));
        var about = Sheets(document)[2].Sheet;

        var texts = about.Descendants<X.Cell>().Select(cell => CellText(document, cell)).ToList();
        Assert.Contains("Round 2026 — national", texts);
        Assert.Contains("Egypt", texts);
        Assert.Contains("1.0.0", texts);
        Assert.Contains("Endorsed", texts);
        Assert.Contains("Dr Amal Hassan", texts);
        Assert.Contains(texts, value => double.TryParse(value, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number - ExportedAt.UtcDateTime.ToOADate()) < 1e-6);
    }

    [Fact]
    public void A_draft_plan_says_it_is_not_endorsed()
    {
        using var document = OpenXlsx(Model("fr", [], endorsed: false));

        var texts = Sheets(document)[2].Sheet.Descendants<X.Cell>().Select(cell => CellText(document, cell)).ToList();
        Assert.Contains("Brouillon — non approuvé", texts);
    }

    [Theory]
    [InlineData("ar", true)]
    [InlineData("en", false)]
    [InlineData("fr", false)]
    public void Every_sheet_reads_right_to_left_in_Arabic_only(string language, bool rightToLeft)
    {
        using var document = OpenXlsx(Model(language, Items("special")));

        Assert.All(Sheets(document), sheet => Assert.Equal(rightToLeft, sheet.Sheet.Descendants<X.SheetView>().Single().RightToLeft?.Value ?? false));
    }

    // ---- DOCX ----

    private static WordprocessingDocument OpenDocx(PlanExport export) =>
        WordprocessingDocument.Open(new MemoryStream(PlanDocxWriter.Write(export, Texts)), false);

    [Fact]
    public void The_arabic_document_runs_right_to_left_with_arabic_language_and_font()
    {
        using var document = OpenDocx(Model("ar", Items("special")));
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;

        Assert.All(body.Descendants<W.Paragraph>(), paragraph => Assert.NotNull(paragraph.ParagraphProperties?.BiDi));
        Assert.All(main.FooterParts.Single().Footer.Descendants<W.Paragraph>(), paragraph => Assert.NotNull(paragraph.ParagraphProperties?.BiDi));
        Assert.All(body.Descendants<W.Table>(), table => Assert.NotNull(table.GetFirstChild<W.TableProperties>()?.BiDiVisual));
        Assert.NotNull(body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.BiDi>());
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("ar-SA", defaults.GetFirstChild<W.Languages>()!.Bidi!.Value);
        Assert.Equal("ar-SA", defaults.GetFirstChild<W.Languages>()!.Val!.Value);
        Assert.Equal("Arial", defaults.GetFirstChild<W.RunFonts>()!.ComplexScript!.Value);
        var arabicRuns = body.Descendants<W.Run>().Where(run => run.InnerText.Contains("خطة العمل", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(arabicRuns);
        Assert.All(arabicRuns, run => Assert.NotNull(run.RunProperties?.RightToLeftText));
    }

    [Theory]
    [InlineData("en", "en-GB")]
    [InlineData("fr", "fr-FR")]
    public void Latin_documents_run_left_to_right_in_their_language(string language, string tag)
    {
        using var document = OpenDocx(Model(language, Items("special")));
        var main = document.MainDocumentPart!;

        Assert.All(main.Document.Body!.Descendants<W.Paragraph>(), paragraph => Assert.Null(paragraph.ParagraphProperties?.BiDi));
        Assert.All(main.Document.Body!.Descendants<W.Table>(), table => Assert.Null(table.GetFirstChild<W.TableProperties>()?.BiDiVisual));
        var lang = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.GetFirstChild<W.Languages>()!;
        Assert.Equal(tag, lang.Val!.Value);
        Assert.Equal("ar-SA", lang.Bidi!.Value);
    }

    [Fact]
    public void The_document_has_facts_summary_and_one_table_per_mechanism_with_items()
    {
        using var document = OpenDocx(Model("en", Items("special")));
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;

        Assert.Contains("Action plan: Egypt", text, StringComparison.Ordinal);
        Assert.Contains("Round 2026 — national", text, StringComparison.Ordinal);
        Assert.Contains("Endorsed by Dr Amal Hassan on", text, StringComparison.Ordinal);
        Assert.Contains("2 changes since endorsement", text, StringComparison.Ordinal);
        Assert.Contains("6 actions, of which 1 overdue.", text, StringComparison.Ordinal);
        Assert.Contains("Agreed level: Progressing (2) → target: Established (3)", text, StringComparison.Ordinal);
        Assert.Contains("Agreed level: Insufficient information → target: not set", text, StringComparison.Ordinal);
        Assert.Contains("XX.9", text, StringComparison.Ordinal);
        var headings = body.Elements<W.Paragraph>()
            .Where(paragraph => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2")
            .Select(paragraph => paragraph.InnerText).ToList();
        Assert.Equal(["DS.1 — National health strategy", "DS.2 — Private sector engagement policy", "AS.1 — PPP unit", "XX.9"], headings);
        // The summary table, then one per mechanism with items.
        Assert.Equal(1 + headings.Count, body.Elements<W.Table>().Count());
        Assert.Equal(3 + 1, body.Elements<W.Table>().ElementAt(1).Elements<W.TableRow>().Count());
    }

    [Fact]
    public void A_draft_document_says_not_endorsed_and_an_empty_plan_says_it_has_no_actions()
    {
        using var document = OpenDocx(Model("en", [], endorsed: false));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;

        Assert.Contains("Draft — not endorsed", text, StringComparison.Ordinal);
        Assert.Contains("The plan has no actions yet.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_footer_numbers_the_pages_with_Word_fields()
    {
        using var document = OpenDocx(Model("fr", Items("special")));
        var footer = document.MainDocumentPart!.FooterParts.Single().Footer;

        var fields = footer.Descendants<W.SimpleField>().Select(field => field.Instruction!.Value!.Trim()).ToList();
        Assert.Equal(["PAGE \\* MERGEFORMAT", "NUMPAGES \\* MERGEFORMAT"], fields);
        Assert.StartsWith("Page ", footer.InnerText, StringComparison.Ordinal);
        Assert.Contains(" sur ", footer.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_dropped_and_line_breaks_kept()
    {
        using var document = OpenDocx(Model("en", Items("special")));
        var body = document.MainDocumentPart!.Document.Body!;

        Assert.DoesNotContain('\u0001', body.InnerText);
        Assert.Contains("Control  character and emoji 🚑", body.InnerText, StringComparison.Ordinal);
        Assert.Contains(body.Descendants<W.Run>(), run => run.InnerText.StartsWith("Commas", StringComparison.Ordinal) && run.Elements<W.Break>().Count() == 2);
    }

    // ---- CSV ----

    private static string Csv(PlanExport export, out byte[] bytes)
    {
        bytes = PlanCsvWriter.Write(export, Texts);
        return new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
    }

    /// <summary>An RFC 4180 reader, to check the writer from the outside.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                Assert.True(field.Length == 0, "A quote inside an unquoted field.");
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                Assert.False(c is '\r' or '\n', "A bare line break outside quotes.");
                field.Append(c);
            }
        }
        Assert.False(quoted, "An unclosed quote.");
        Assert.True(row.Count == 0 && field.Length == 0, "The last line does not end with CRLF.");
        return rows;
    }

    [Fact]
    public void The_csv_is_utf8_with_a_byte_order_mark_and_localized_headers()
    {
        var csv = Csv(Model("ar", Items("special")), out var bytes);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(csv);
        Assert.Equal(["السلوك", "رمز الآلية", "الآلية", "الإجراء"], rows[0].Take(4));
        Assert.Equal(PlanColumnCount, rows[0].Count);
    }

    [Fact]
    public void The_csv_quotes_commas_quotes_and_line_breaks_and_keeps_them()
    {
        var rows = ParseCsv(Csv(Model("en", Items("special")), out _));

        Assert.Equal(Items("special").Count + 1, rows.Count);
        Assert.All(rows, row => Assert.Equal(PlanColumnCount, row.Count));
        Assert.Equal("Commas, \"quotes\" and\nline breaks\r\nall in one; <tags> & 'apostrophes'", rows[2][3]);
        Assert.Equal("Ministry of Health, planning directorate", rows[2][5]);
    }

    [Fact]
    public void The_csv_puts_an_apostrophe_before_text_that_looks_like_a_formula()
    {
        var rows = ParseCsv(Csv(Model("en", Items("special")), out _));

        Assert.Equal("'=HYPERLINK(\"http://example.org\",\"click\")", rows[1][3]);
        Assert.Equal("'+Ministry", rows[1][5]);
        Assert.Equal("'-Lead", rows[1][6]);
        Assert.Equal("'@SUM(A1:A2)", rows[1][9]);
        Assert.Equal("Commas, \"quotes\" and\nline breaks\r\nall in one; <tags> & 'apostrophes'", rows[2][3]);
    }

    [Theory]
    [InlineData("en", "2026-01-15", "25000.50", "Yes")]
    [InlineData("fr", "2026-01-15", "25000,50", "Oui")]
    [InlineData("ar", "2026-01-15", "25000٫50", "نعم")]
    public void The_csv_writes_dates_in_ISO_8601_and_numbers_in_the_readers_culture(string language, string start, string budget, string yes)
    {
        var rows = ParseCsv(Csv(Model(language, [Item(overdue: true)]), out _));

        Assert.Equal(start, rows[1][7]);
        Assert.Equal(budget, rows[1][10]);
        Assert.Equal(yes, rows[1][16]);
    }

    [Fact]
    public void An_empty_plan_is_a_header_line_only_and_empty_values_are_empty_fields()
    {
        Assert.Single(ParseCsv(Csv(Model("fr", []), out _)));

        var rows = ParseCsv(Csv(Model("en", [Item(budget: null, currency: null, from: null, to: null) with { Start = null }]), out _));
        Assert.Equal("", rows[1][7]);
        Assert.Equal("", rows[1][10]);
        Assert.Equal("", rows[1][12]);
    }

    // ---- A 300-item plan (its timing is measured in bench/, "plan export … 300 items") ----

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    public void A_300_item_plan_is_written_whole_in_every_format(string language)
    {
        var export = Model(language, Many(300));

        using (var workbook = OpenXlsx(export))
        {
            Assert.Equal(300 + 1, Sheets(workbook)[0].Sheet.Descendants<X.Row>().Count());
        }
        using (var document = OpenDocx(export))
        {
            // One table per mechanism (DS.1, DS.2, AS.1) after the summary: a header row and its items each.
            var tables = document.MainDocumentPart!.Document.Body!.Elements<W.Table>().Skip(1).ToList();
            Assert.Equal(3, tables.Count);
            Assert.Equal(300, tables.Sum(table => table.Elements<W.TableRow>().Count() - 1));
        }
        Assert.Equal(300 + 1, ParseCsv(Csv(export, out _)).Count);
    }
}
