using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// The editors' one review queue on both databases: a case study sent for review tells the editors with the same notice
/// as a resource, leading to <c>/connector/review</c>, where both kinds wait side by side until published; a notice
/// stored under the case studies' former kind still loads.
/// </summary>
public sealed class ReviewQueueTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_study_sent_for_review_tells_the_editors_like_a_resource_and_waits_beside_it_in_the_one_queue()
    {
        var focalPoint = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "TZA");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var author = await factory.CreateApiClientAsync(focalPoint);
        using var editorApi = await factory.CreateApiClientAsync(editor);
        using var editorPage = await factory.CreateSignedInClientAsync(editor);
        var suffix = TestAccounts.UniqueSuffix();
        var studyTitle = $"Vouchers for private midwives {suffix}";
        var resourceTitle = $"A guide to contracting midwives {suffix}";

        var created = await CaseStudyTests.CreateAsync(author, CaseStudyTests.Body("TZA", studyTitle));
        var id = created.GetProperty("id").GetGuid();
        Assert.DoesNotContain(studyTitle, await ReviewQueueAsync(editorPage), StringComparison.Ordinal);

        await CaseStudyTests.SendAsync(author, HttpMethod.Post, $"/api/case-studies/{id}/moves", new { to = "InReview", version = 0 });
        using (var resource = await author.PostAsJsonAsync("/api/resources", ResourcesTests.Body(resourceTitle), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, resource.StatusCode);
            var resourceId = (await resource.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
            await HttpAssert.JsonAsync(await author.PostAsJsonAsync($"/api/resources/{resourceId}/moves", new { to = "InReview" }, Ct));
        }

        // One kind of notice for both: the editor is told of each, the author of neither; each leads to the queue.
        await using (var scope = factory.OpenSystemDb())
        {
            var told = await scope.Db.Notices.AsNoTracking()
                .Where(n => n.RoundTitle == studyTitle || n.RoundTitle == resourceTitle).ToListAsync(Ct);
            Assert.All(told, notice => Assert.Equal(NoticeKind.ContentInReview, notice.Kind));
            Assert.All(told, notice => Assert.Equal("/connector/review", NoticeText.Link(notice)));
            Assert.Single(told, notice => notice.RecipientId == editor.Id && notice.RoundTitle == studyTitle);
            Assert.Single(told, notice => notice.RecipientId == editor.Id && notice.RoundTitle == resourceTitle);
            Assert.DoesNotContain(told, notice => notice.RecipientId == focalPoint.Id);
        }
        editorApi.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        var notices = (await HttpAssert.JsonAsync(await editorApi.GetAsync("/api/notices", Ct))).GetProperty("notices").EnumerateArray().ToList();
        var studyNotice = Assert.Single(notices, notice => notice.GetProperty("title").GetString()!.Contains(studyTitle, StringComparison.Ordinal));
        Assert.Equal($"En attente de votre relecture : {studyTitle}", studyNotice.GetProperty("title").GetString());
        Assert.Equal("/connector/review", studyNotice.GetProperty("link").GetString());

        // The queue lists both kinds, each named and leading to its own page.
        var queue = await ReviewQueueAsync(editorPage);
        Assert.Contains(studyTitle, queue, StringComparison.Ordinal);
        Assert.Contains(resourceTitle, queue, StringComparison.Ordinal);
        Assert.Contains($"href=\"/case-studies/{id}\"", queue, StringComparison.Ordinal);
        Assert.Contains(">Case study<", queue, StringComparison.Ordinal);
        Assert.Contains(">Resource<", queue, StringComparison.Ordinal);

        // Published, it leaves the queue.
        var graded = await CaseStudyTests.SendAsync(editorApi, HttpMethod.Put, $"/api/case-studies/{id}/grade", new { strength = "Descriptive", version = 1 });
        await CaseStudyTests.SendAsync(editorApi, HttpMethod.Post, $"/api/case-studies/{id}/moves",
            new { to = "Published", version = graded.GetProperty("version").GetInt32() });
        queue = await ReviewQueueAsync(editorPage);
        Assert.DoesNotContain(studyTitle, queue, StringComparison.Ordinal);
        Assert.Contains(resourceTitle, queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_stored_under_the_former_case_study_kind_still_loads_as_a_review_notice()
    {
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        var key = $"CaseStudySubmitted:{Guid.NewGuid():N}";
        await using (var scope = factory.OpenSystemDb())
        {
            scope.Db.Notices.Add(new Notice
            {
                RecipientId = editor.Id, Kind = NoticeKind.ContentInReview, RoundTitle = "A case study sent before the queues merged", Key = key,
                CreatedAt = DateTimeOffset.UnixEpoch,
            });
            await scope.Db.SaveChangesAsync(Ct);
            // As a row written before the merge holds it.
            Assert.Equal(1, await scope.Db.Database.ExecuteSqlAsync($"UPDATE \"Notices\" SET \"Kind\" = 'CaseStudySubmitted' WHERE \"Key\" = {key}", Ct));
        }

        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(NoticeKind.ContentInReview, (await scope.Db.Notices.AsNoTracking().SingleAsync(n => n.Key == key, Ct)).Kind);
        }
        using var page = await factory.CreateSignedInClientAsync(editor);
        var notices = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await page.GetAsync("/notices", Ct)));
        Assert.Contains("Waiting for your review: A case study sent before the queues merged", notices, StringComparison.Ordinal);
    }

    private static async Task<string> ReviewQueueAsync(HttpClient editorPage) =>
        WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await editorPage.GetAsync("/connector/review", Ct)));
}
