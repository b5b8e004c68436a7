using System.Globalization;
using System.Net;
using System.Text.Json;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// Open data: the paged JSON API, the XLSX and CSV files and the DHIS2 export read only what countries
/// published. Each test works in countries of its own, since the tests share one database.
/// </summary>
public class OpenDataTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const int Columns = 24;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object LevelsAndProfile = new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false };

    private static readonly object Nothing = new { behaviourProfile = false, mechanismLevels = false, rationales = false, publicEvidence = false };

    /// <summary>A round taken through the product's sign-off, with the given choices (a demonstration round when asked).</summary>
    private async Task<TestRound> PublishAsync(string country, object choices, bool demonstration = false)
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.Validated);
        if (demonstration)
        {
            // As the demo command loads it: the flag is set when the round is made, before anything is published.
            await using var scope = factory.OpenSystemDb();
            await scope.Db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDemonstration, true), Ct);
        }
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: choices);
        return round;
    }

    private static async Task<JsonElement> PageAsync(HttpClient client, string query) =>
        await HttpAssert.JsonAsync(await client.GetAsync($"/api/open-data/results?{query}", Ct));

    [Fact]
    public async Task The_json_api_pages_the_published_rows_with_links_and_honours_every_filter()
    {
        var round = await PublishAsync("NAM", LevelsAndProfile);
        await factory.CreateRoundAsync("NAM", AssessmentStatus.Validated);
        using var client = factory.CreateClient();
        var mechanisms = round.MechanismCodes.Count;

        var first = await PageAsync(client, "country=nam&pageSize=10&lang=en");
        Assert.Equal((mechanisms, 1, 10, 3), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(),
            first.GetProperty("pageSize").GetInt32(), first.GetProperty("pageCount").GetInt32()));
        Assert.Equal(10, first.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("links").GetProperty("prev").ValueKind);
        var next = first.GetProperty("links").GetProperty("next").GetString()!;
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var second = await HttpAssert.JsonAsync(await client.GetAsync(next, Ct));
        var last = await HttpAssert.JsonAsync(await client.GetAsync(second.GetProperty("links").GetProperty("next").GetString(), Ct));
        Assert.Equal(mechanisms - 20, last.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("links").GetProperty("next").ValueKind);
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Concat(last.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(round.MechanismCodes.Order(StringComparer.Ordinal), all.Select(item => item.GetProperty("mechanismCode").GetString()));

        var item = all[0];
        Assert.Equal("NAM", item.GetProperty("countryIso3").GetString());
        Assert.Equal("Namibia", item.GetProperty("countryName").GetString());
        Assert.Equal("AFR", item.GetProperty("regionCode").GetString());
        Assert.Equal(round.Id, item.GetProperty("roundId").GetGuid());
        Assert.StartsWith("Test round", item.GetProperty("roundTitle").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, true, "Rated", 2, "Progressing"), (item.GetProperty("revision").GetInt32(), item.GetProperty("isLatestRevision").GetBoolean(),
            item.GetProperty("state").GetString(), item.GetProperty("level").GetInt32(), item.GetProperty("levelName").GetString()));
        Assert.Equal((2.0m, "Progressing"), (item.GetProperty("behaviourScore").GetDecimal(), item.GetProperty("behaviourBand").GetString()));
        Assert.Equal(item.GetProperty("behaviourMechanisms").GetInt32(), item.GetProperty("behaviourRated").GetInt32());
        Assert.False(item.GetProperty("isDemonstration").GetBoolean());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("label").ValueKind);
        var year = item.GetProperty("year").GetInt32();

        Assert.Equal(4, (await PageAsync(client, "country=NAM&behaviour=ds")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await PageAsync(client, "country=NAM&mechanism=DS.1")).GetProperty("total").GetInt32());
        Assert.Equal(mechanisms, (await PageAsync(client, $"region=AFR&country=NAM&year={year}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await PageAsync(client, $"country=NAM&year={year - 1}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await PageAsync(client, "region=EMR&country=NAM")).GetProperty("total").GetInt32());
        var french = await PageAsync(client, "country=NAM&mechanism=DS.1&lang=fr");
        Assert.Equal("fr", french.GetProperty("language").GetString());
        Assert.Equal("Namibie", french.GetProperty("items")[0].GetProperty("countryName").GetString());
    }

    [Theory]
    [InlineData("region=XYZ", "region")]
    [InlineData("country=ZZZ", "country")]
    [InlineData("country=KENYA", "country")]
    [InlineData("behaviour=QQ", "behaviour")]
    [InlineData("mechanism=DS.99", "mechanism")]
    [InlineData("year=1999", "year")]
    [InlineData("year=3000", "year")]
    [InlineData("revisions=some", "revisions")]
    [InlineData("page=0", "page")]
    [InlineData("page=100000", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task A_bad_filter_or_page_is_a_400_naming_the_parameter(string query, string parameter)
    {
        using var client = factory.CreateClient();

        var problem = await HttpAssert.ProblemAsync(await client.GetAsync($"/api/open-data/results?{query}", Ct), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        if (parameter is not ("page" or "pageSize"))
        {
            foreach (var file in new[] { "xlsx", "csv" })
            {
                var refused = await HttpAssert.ProblemAsync(await client.GetAsync($"/api/open-data/results.{file}?{query}", Ct), HttpStatusCode.BadRequest);
                Assert.True(refused.GetProperty("errors").TryGetProperty(parameter, out _), refused.ToString());
            }
        }
    }

    [Fact]
    public async Task An_unchanged_page_answers_304_to_its_etag_and_a_new_publication_changes_it()
    {
        await PublishAsync("LSO", LevelsAndProfile);
        using var client = factory.CreateClient();
        using var first = await client.GetAsync("/api/open-data/results?country=LSO", Ct);
        await HttpAssert.JsonAsync(first);
        var tag = first.Headers.ETag!;
        Assert.True(first.Headers.CacheControl is { Public: true, MaxAge: not null }, first.Headers.CacheControl?.ToString());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/open-data/results?country=LSO");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(tag, notModified.Headers.ETag);

        await PublishAsync("LSO", LevelsAndProfile);
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/open-data/results?country=LSO");
        changed.Headers.IfNoneMatch.Add(tag);
        using var fresh = await client.SendAsync(changed, Ct);
        Assert.Equal(2 * 28, (await HttpAssert.JsonAsync(fresh)).GetProperty("total").GetInt32());
        Assert.NotEqual(tag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task Unpublished_and_withdrawn_rounds_appear_in_no_file_or_api_row()
    {
        // Validated but not published; published with nothing public; published, then corrected to nothing public.
        await factory.CreateRoundAsync("BWA", AssessmentStatus.Validated);
        await PublishAsync("BWA", Nothing);
        var withdrawn = await PublishAsync("BWA", LevelsAndProfile);
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "AFR");
        using (var focalPoint = await factory.ApiAsync(withdrawn.FocalPoint))
        using (var facilitator = await factory.ApiAsync(withdrawn.Facilitator))
        using (var reviewerApi = await factory.ApiAsync(reviewer))
        {
            await focalPoint.MoveOkAsync(withdrawn, "Consensus", comment: "Withdrawing the figures.");
            await facilitator.MoveOkAsync(withdrawn, "Submitted");
            await reviewerApi.MoveOkAsync(withdrawn, "Validated");
            await focalPoint.MoveOkAsync(withdrawn, "Published", publish: Nothing, note: "Withdrawn.");
        }
        using var client = factory.CreateClient();

        foreach (var revisions in new[] { "latest", "all" })
        {
            Assert.Equal(0, (await PageAsync(client, $"country=BWA&revisions={revisions}")).GetProperty("total").GetInt32());
            var csv = await client.GetByteArrayAsync($"/api/open-data/results.csv?country=BWA&revisions={revisions}", Ct);
            Assert.Single(ReadCsv(csv).Rows);
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(
                await client.GetByteArrayAsync($"/api/open-data/results.xlsx?country=BWA&revisions={revisions}", Ct)), false);
            Assert.Single(SheetRows(workbook, 0));
        }
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/open-data/dhis2/BWA/dataValueSets", Ct), HttpStatusCode.NotFound);
        var html = await HttpAssert.HtmlAsync(await client.GetAsync("/open-data?country=BWA&revisions=all", Ct));
        Assert.DoesNotContain("Test round", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_passes_validation_and_reads_back_its_data_dictionary_and_notes()
    {
        var round = await PublishAsync("ZMB", LevelsAndProfile, demonstration: true);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/open-data/results.xlsx?country=ZMB&lang=fr", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^pathway-open-data-\d{4}-\d{2}-\d{2}\.xlsx$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(workbook, Ct).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Path?.XPath}: {error.Description}")));
        Assert.Equal(["Données", "Dictionnaire", "À propos"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(sheet => sheet.Name!.Value!));

        var data = SheetRows(workbook, 0);
        Assert.Equal(round.MechanismCodes.Count + 1, data.Count);
        var header = data[0];
        Assert.Equal(Columns, header.Count);
        Assert.Equal(["country_iso3", "country_name", "region_code"], header.Take(3));
        var first = header.Zip(data[1], (name, value) => (name, value)).ToDictionary(pair => pair.name, pair => pair.value);
        Assert.Equal(("ZMB", "Zambie", "AFR", round.Id.ToString()), (first["country_iso3"], first["country_name"], first["region_code"], first["round_id"]));
        Assert.Equal(("2", 2.0m, "1"), (first["level"], decimal.Parse(first["behaviour_score"], CultureInfo.InvariantCulture), first["revision"]));
        Assert.Equal(("1", "1", "Données de démonstration"), (first["is_demonstration"], first["is_latest_revision"], first["label"]));
        Assert.Equal(round.MechanismCodes.Order(StringComparer.Ordinal), data.Skip(1).Select(row => row[header.IndexOf("mechanism_code")]));

        var dictionary = SheetRows(workbook, 1);
        Assert.Equal(Columns + 1, dictionary.Count);
        Assert.Equal(header, dictionary.Skip(1).Select(row => row[0]));
        Assert.All(dictionary.Skip(1), row => Assert.True(row.Count == 4 && row.All(cell => cell.Length > 0), string.Join(" | ", row)));
        Assert.Contains(dictionary, row => row[0] == "level" && row[3] == "level");

        var notes = string.Join("\n", SheetRows(workbook, 2).SelectMany(row => row));
        Assert.Contains("CC BY 4.0", notes, StringComparison.Ordinal);
        Assert.Contains("Données de démonstration", notes, StringComparison.Ordinal);
        Assert.Contains("country=ZMB", notes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_round_trips_through_CsvHelper_with_the_same_rows_as_the_api()
    {
        var round = await PublishAsync("MOZ", LevelsAndProfile, demonstration: true);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/open-data/results.csv?country=MOZ&lang=ar", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var (headers, rows) = ReadCsv(bytes);
        var api = (await PageAsync(client, "country=MOZ&lang=ar&pageSize=500")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(Columns, headers.Count);
        Assert.Equal(round.MechanismCodes.Count, rows.Count - 1);
        Assert.Equal(api.Count, rows.Count - 1);
        foreach (var (row, item) in rows.Skip(1).Zip(api))
        {
            var field = headers.Zip(row, (name, value) => (name, value)).ToDictionary(pair => pair.name, pair => pair.value);
            Assert.Equal(item.GetProperty("countryName").GetString(), field["country_name"]);
            Assert.Equal(item.GetProperty("mechanismCode").GetString(), field["mechanism_code"]);
            Assert.Equal(item.GetProperty("mechanismName").GetString(), field["mechanism_name"]);
            Assert.Equal(item.GetProperty("level").GetInt32(), int.Parse(field["level"], CultureInfo.InvariantCulture));
            Assert.Equal(item.GetProperty("behaviourScore").GetDecimal(), decimal.Parse(field["behaviour_score"], CultureInfo.InvariantCulture));
            Assert.Equal(item.GetProperty("publishedAt").GetDateTimeOffset(),
                DateTimeOffset.Parse(field["published_at"], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
            Assert.Equal(("true", "بيانات العرض التوضيحي"), (field["is_demonstration"], field["label"]));
            Assert.True(item.GetProperty("isDemonstration").GetBoolean());
        }
    }

    [Fact]
    public async Task The_dhis2_values_use_only_data_elements_options_and_the_org_unit_of_the_metadata()
    {
        var round = await PublishAsync("MWI", LevelsAndProfile);
        await PublishAsync("SWZ", new { behaviourProfile = true, mechanismLevels = false, rationales = false, publicEvidence = false });
        using var client = factory.CreateClient();

        var metadata = await HttpAssert.JsonAsync(await client.GetAsync("/api/open-data/dhis2/metadata", Ct));
        var values = await HttpAssert.JsonAsync(await client.GetAsync("/api/open-data/dhis2/MWI/dataValueSets", Ct));

        var elements = metadata.GetProperty("dataElements").EnumerateArray().ToList();
        Assert.Equal(round.MechanismCodes.Count, elements.Count);
        var optionSet = metadata.GetProperty("optionSets")[0];
        var options = metadata.GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3", "4"], options.Select(option => option.GetProperty("code").GetString()));
        Assert.Equal(options.Select(option => option.GetProperty("id").GetString()),
            optionSet.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("id").GetString()));
        Assert.All(elements, element =>
        {
            Assert.Equal(("INTEGER", "AGGREGATE"), (element.GetProperty("valueType").GetString(), element.GetProperty("domainType").GetString()));
            Assert.Equal(optionSet.GetProperty("id").GetString(), element.GetProperty("optionSet").GetProperty("id").GetString());
            Assert.True(element.GetProperty("shortName").GetString()!.Length <= 50);
        });
        var dataSet = metadata.GetProperty("dataSets")[0];
        Assert.Equal("Yearly", dataSet.GetProperty("periodType").GetString());
        var uids = elements.Select(element => element.GetProperty("id").GetString()!)
            .Concat(options.Select(option => option.GetProperty("id").GetString()!))
            .Append(optionSet.GetProperty("id").GetString()!).Append(dataSet.GetProperty("id").GetString()!).ToList();
        Assert.All(uids, uid => Assert.Matches("^[A-Za-z][A-Za-z0-9]{10}$", uid));
        Assert.Equal(uids.Count, uids.Distinct(StringComparer.Ordinal).Count());

        Assert.Equal(dataSet.GetProperty("id").GetString(), values.GetProperty("dataSet").GetString());
        var dataValues = values.GetProperty("dataValues").EnumerateArray().ToList();
        Assert.Equal(round.MechanismCodes.Count, dataValues.Count);
        var elementIds = elements.Select(element => element.GetProperty("id").GetString()).ToHashSet();
        var optionCodes = options.Select(option => option.GetProperty("code").GetString()).ToHashSet();
        var year = (await PageAsync(client, "country=MWI&pageSize=1")).GetProperty("items")[0].GetProperty("year").GetInt32();
        Assert.All(dataValues, value =>
        {
            Assert.Contains(value.GetProperty("dataElement").GetString(), elementIds);
            Assert.Contains(value.GetProperty("value").GetString(), optionCodes);
            Assert.Equal(("MWI", year.ToString(CultureInfo.InvariantCulture), "2"),
                (value.GetProperty("orgUnit").GetString(), value.GetProperty("period").GetString(), value.GetProperty("value").GetString()));
        });
        Assert.Equal("CODE", values.GetProperty("orgUnitIdScheme").GetString());

        // The same UIDs every time, so a second import updates.
        var again = await HttpAssert.JsonAsync(await client.GetAsync("/api/open-data/dhis2/metadata", Ct));
        Assert.Equal(metadata.GetProperty("dataElements").ToString(), again.GetProperty("dataElements").ToString());
        // Only the profile published, and no country at all: nothing to send.
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/open-data/dhis2/SWZ/dataValueSets", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.GetAsync("/api/open-data/dhis2/XYZ/dataValueSets", Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("en", "Open data", "Demonstration data")]
    [InlineData("fr", "Données ouvertes", "Données de démonstration")]
    [InlineData("ar", "البيانات المفتوحة", "بيانات العرض التوضيحي")]
    public async Task The_page_filters_previews_and_links_the_files_in_each_language(string language, string title, string demonstration)
    {
        var country = language switch { "en" => "AGO", "fr" => "BEN", _ => "CMR" };
        var round = await PublishAsync(country, LevelsAndProfile, demonstration: true);
        using var client = factory.CreateClient();

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync($"/open-data?country={country}&culture={language}", Ct)));

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(demonstration, html, StringComparison.Ordinal);
        Assert.Contains($"/api/open-data/results.xlsx?country={country}&lang={language}", html, StringComparison.Ordinal);
        Assert.Contains($"/api/open-data/results.csv?country={country}&lang={language}", html, StringComparison.Ordinal);
        Assert.Contains($"/api/open-data/dhis2/{country}/dataValueSets?lang={language}", html, StringComparison.Ordinal);
        Assert.Contains("is_demonstration", html, StringComparison.Ordinal);
        Assert.Equal(round.MechanismCodes.Count, CountOccurrences(html, "<bdi>Test round"));

        var refused = await HttpAssert.HtmlAsync(await client.GetAsync($"/open-data?region=XYZ&culture={language}", Ct));
        Assert.Contains("XYZ", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("<bdi>Test round", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_previews_fifty_rows_a_page()
    {
        await PublishAsync("GAB", LevelsAndProfile);
        await PublishAsync("GAB", LevelsAndProfile);
        using var client = factory.CreateClient();

        var first = await HttpAssert.HtmlAsync(await client.GetAsync("/open-data?country=GAB&culture=en", Ct));
        var second = await HttpAssert.HtmlAsync(await client.GetAsync("/open-data?country=GAB&page=2&culture=en", Ct));

        Assert.Equal(50, CountOccurrences(first, "<bdi>Test round"));
        Assert.Equal(2 * 28 - 50, CountOccurrences(second, "<bdi>Test round"));
        Assert.Contains("href=\"/open-data?country=GAB&amp;page=2\"", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_page_and_files_keep_is_renewed_by_the_next_publication()
    {
        await PublishAsync("TGO", LevelsAndProfile);
        using var client = factory.CreateClient();
        var before = await HttpAssert.HtmlAsync(await client.GetAsync("/open-data?country=TGO&culture=en", Ct));
        Assert.Equal(28, CountOccurrences(before, "<bdi>Test round"));
        var tags = new Dictionary<string, System.Net.Http.Headers.EntityTagHeaderValue>();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            using var file = await client.GetAsync($"/api/open-data/results.{format}?country=TGO", Ct);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            tags[format] = file.Headers.ETag!;
            Assert.True(tags[format].IsWeak, format);
            using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/open-data/results.{format}?country=TGO");
            again.Headers.IfNoneMatch.Add(tags[format]);
            using var unchanged = await client.SendAsync(again, Ct);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        }

        await PublishAsync("TGO", LevelsAndProfile);

        var after = await HttpAssert.HtmlAsync(await client.GetAsync("/open-data?country=TGO&culture=en", Ct));
        Assert.Equal(50, CountOccurrences(after, "<bdi>Test round"));
        Assert.Contains("href=\"/open-data?country=TGO&amp;page=2\"", after, StringComparison.Ordinal);
        foreach (var format in new[] { "xlsx", "csv" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/open-data/results.{format}?country=TGO");
            request.Headers.IfNoneMatch.Add(tags[format]);
            using var changed = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.NotEqual(tags[format], changed.Headers.ETag);
        }
    }

    private static int CountOccurrences(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    internal static (List<string> Headers, List<List<string>> Rows) ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        return (rows[0], rows);
    }

    /// <summary>A sheet's rows as text: shared strings resolved, numbers and booleans as stored; empty cells are "".</summary>
    internal static List<List<string>> SheetRows(SpreadsheetDocument workbook, int sheetIndex)
    {
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().ElementAt(sheetIndex);
        var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        var strings = part.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToList();
        return [.. worksheet.Descendants<Row>().Select(row =>
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>())
            {
                var column = ColumnIndex(cell.CellReference!.Value!);
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                var value = cell.CellValue?.Text ?? "";
                cells.Add(cell.DataType?.Value == CellValues.SharedString ? strings[int.Parse(value, CultureInfo.InvariantCulture)] : value);
            }
            return cells;
        })];
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (c - 'A' + 1);
        }
        return index - 1;
    }
}
