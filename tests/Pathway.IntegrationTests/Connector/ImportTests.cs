using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Connector.Organisations;
using Pathway.Web.Connector.Resources;
using Pathway.Web.Connector.Search;

namespace Pathway.IntegrationTests.Connector;

/// <summary>The CSV import of resources and organisations (issue 11 §9): all or nothing, with a row-and-column report; and the demonstration resources.</summary>
public sealed class ImportTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string ResourceHeader = "title_en,title_fr,summary_en,type,languages,year,publisher,url,mechanisms,instruments,countries,topics";

    private static MultipartFormDataContent Csv(string text, bool publish = false)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent { { file, "file", "import.csv" } };
        if (publish)
        {
            form.Add(new StringContent("true"), "publish");
        }
        return form;
    }

    private async Task<int> ResourcesTitledAsync(string marker)
    {
        await using var db = factory.OpenSystemDb();
        return (await db.Db.Set<Resource>().AsNoTracking().Select(r => r.Title).ToListAsync(Ct)).Count(t => t.En.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_naming_row_and_column_and_nothing_is_written()
    {
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var api = await factory.CreateApiClientAsync(editor);
        var marker = TestAccounts.UniqueSuffix();
        var csv = $"""
            {ResourceHeader}
            Good row {marker},,Fine.,Report,en,2022,,https://example.org/a,DS.1,Regulation,KEN,law
            ,Sans titre {marker},No title.,Report,en,2022,,https://example.org/b,DS.1,,,
            Bad codes {marker},,Wrong codes.,Pamphlet,en,twenty,,javascript:alert(1),ZZ.9,Bribery,XYZ,
            """;

        using var response = await api.PostAsync("/api/connector/import/resources", Csv(csv, publish: true), Ct);
        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var problems = problem.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "title_en"), problems);
        foreach (var column in new[] { "type", "year", "url", "mechanisms", "instruments", "countries" })
        {
            Assert.Contains((4, column), problems);
        }
        Assert.DoesNotContain(problems, p => p.Item1 == 2);
        Assert.Equal(0, await ResourcesTitledAsync(marker));

        // The page shows the same report, in the reader's language.
        using var page = await factory.CreateSignedInClientAsync(editor);
        var form = HtmlForm.Find(await page.GetStringAsync("/connector/import", Ct), "import-Resources");
        var upload = Csv(csv);
        foreach (var (name, value) in form.Fields)
        {
            upload.Add(new StringContent(value), name);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connector/import?culture=fr") { Content = upload };
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.SendAsync(request, Ct)));
        Assert.Contains("Rien n’a été importé", html, StringComparison.Ordinal);
        Assert.Contains("« ZZ.9 » n’est pas un code de mécanisme", html, StringComparison.Ordinal);
        Assert.Contains("title_en", html, StringComparison.Ordinal);
        Assert.Equal(0, await ResourcesTitledAsync(marker));
    }

    [Fact]
    public async Task A_good_file_is_imported_in_one_save_as_drafts_or_published_and_staged_in_search()
    {
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var api = await factory.CreateApiClientAsync(editor);
        var marker = TestAccounts.UniqueSuffix();
        var csv = $"""
            {ResourceHeader}
            First {marker},Premier {marker},"A summary, with a comma.",Report,en;fr,2022,Someone,https://example.org/a,DS.1;DS.2,Regulation,KEN,law
            Second {marker},,Another.,Video,ar,2021,,https://example.org/b,FR.1,,EGY,
            """;

        var drafts = await HttpAssert.JsonAsync(await api.PostAsync("/api/connector/import/resources", Csv(csv), Ct));
        Assert.Equal(2, drafts.GetProperty("imported").GetInt32());
        var published = await HttpAssert.JsonAsync(await api.PostAsync("/api/connector/import/resources", Csv(csv.Replace(marker, marker + "p", StringComparison.Ordinal), publish: true), Ct));
        Assert.Equal(2, published.GetProperty("imported").GetInt32());

        await using var db = factory.OpenSystemDb();
        var rows = (await db.Db.Set<Resource>().AsNoTracking().Include(r => r.Tags).ToListAsync(Ct)).Where(r => r.Title.En.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        var first = rows.Single(r => r.Title.En == $"First {marker}");
        Assert.Equal(ModerationState.Draft, first.State);
        Assert.Equal($"Premier {marker}", first.Title.In("fr"));
        Assert.Equal(["en", "fr"], first.Languages);
        Assert.Contains(first.Tags, t => t.Facet == TagFacet.Mechanism && t.Value == "DS.2");
        var ids = rows.Select(r => r.Id.ToString()).ToList();
        var indexed = await db.Db.SearchEntries.Where(e => e.Kind == SearchKind.Resource && ids.Contains(e.Key)).Select(e => e.Key).ToListAsync(Ct);
        Assert.Equal(rows.Where(r => r.State == ModerationState.Published).Select(r => r.Id.ToString()).Order(), indexed.Order());
    }

    [Fact]
    public async Task The_templates_download_and_import_as_they_are_and_only_editors_import()
    {
        using var anonymous = factory.CreatePageClient();
        using var template = await anonymous.GetAsync("/connector/import/resources/template.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("attachment", template.Content.Headers.ContentDisposition?.DispositionType);
        var text = Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        Assert.StartsWith("title_en,title_fr,title_ar,summary_en", text, StringComparison.Ordinal);
        var organisations = await anonymous.GetStringAsync("/connector/import/organisations/template.csv", Ct);
        Assert.Contains("name,acronym,country,sector,type,website", organisations, StringComparison.Ordinal);

        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var api = await factory.CreateApiClientAsync(editor);
        await HttpAssert.JsonAsync(await api.PostAsync("/api/connector/import/resources", Csv(text), Ct));
        var unique = organisations.Replace("Example Private Hospitals Association", $"Example Association {TestAccounts.UniqueSuffix()}", StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await api.PostAsync("/api/connector/import/organisations", Csv(unique), Ct));
        // The same organisation twice is refused, naming the row and the column.
        var twice = await HttpAssert.ProblemAsync(await api.PostAsync("/api/connector/import/organisations", Csv(unique), Ct), HttpStatusCode.BadRequest);
        var duplicate = Assert.Single(twice.GetProperty("problems").EnumerateArray());
        Assert.Equal(2, duplicate.GetProperty("row").GetInt32());
        Assert.Equal("name", duplicate.GetProperty("column").GetString());

        var author = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "EGY");
        using var authorApi = await factory.CreateApiClientAsync(author);
        await HttpAssert.ProblemAsync(await authorApi.PostAsync("/api/connector/import/resources", Csv(text), Ct), HttpStatusCode.Forbidden);
        using var tooLarge = await api.PostAsync("/api/connector/import/resources", Csv(text + new string('x', 3 * 1024 * 1024)), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
    }

    [Fact]
    public async Task Demonstration_resources_load_once_and_are_removed_exactly()
    {
        await DemoResources.LoadAsync(factory.Services, Ct);
        await DemoResources.LoadAsync(factory.Services, Ct);
        await using (var db = factory.OpenSystemDb())
        {
            var demo = await db.Db.Set<Resource>().AsNoTracking().Include(r => r.Tags).Where(r => r.IsDemonstration).ToListAsync(Ct);
            Assert.Equal(DemoResources.Expected, demo.Count);
            var behaviours = demo.SelectMany(r => r.Tags).Where(t => t.Facet == TagFacet.Behaviour).Select(t => t.Value).Distinct();
            Assert.Equal(["AS", "BU", "DS", "ES", "FR", "NT"], behaviours.Order(StringComparer.Ordinal));
            Assert.True(demo.Count(r => r.Title.Has("fr") || r.Title.Has("ar")) >= 3);
            Assert.Equal(5, await db.Db.Set<Organisation>().CountAsync(o => o.IsDemonstration, Ct));
        }
        await DemoResources.RemoveAsync(factory.Services, Ct);
        await DemoResources.RemoveAsync(factory.Services, Ct);
        await using (var db = factory.OpenSystemDb())
        {
            Assert.False(await db.Db.Set<Resource>().AnyAsync(r => r.IsDemonstration, Ct));
            Assert.False(await db.Db.Set<Organisation>().AnyAsync(o => o.IsDemonstration, Ct));
            Assert.False(await db.Db.Users.AnyAsync(u => u.Email == DemoResources.AuthorEmail, Ct));
        }
    }
}
