using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;

namespace Pathway.IntegrationTests.Reports;

/// <summary>
/// The public report's cover, built from the release only: the round's planned dates and who validated it by role
/// and date (never the reviewer's name, which only the internal report shows); a release signed before these were
/// recorded still renders and says "not recorded".
/// </summary>
public class PublicReportCoverTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string PlannedRange = "2 Mar 2026 to 30 Apr 2026";

    /// <summary>A round of Egypt (Eastern Mediterranean) with planned dates, validated by a regional reviewer through the API, then published.</summary>
    private async Task<(TestRound Round, TestUser Reviewer)> PublishedAsync(string? reviewerRegion)
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.Submitted);
        await using (var scope = factory.OpenSystemDb())
        {
            var assessment = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == round.Id, Ct);
            assessment.PlannedStart = new DateOnly(2026, 3, 2);
            assessment.PlannedEnd = new DateOnly(2026, 4, 30);
            await scope.Db.SaveChangesAsync(Ct);
        }
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: reviewerRegion);
        using (var reviewerApi = await factory.ApiAsync(reviewer))
        {
            await reviewerApi.MoveOkAsync(round, "Validated");
        }
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);
        return (round, reviewer);
    }

    private async Task<(string Html, string Docx)> PublicReportAsync(Guid id, string language = "en")
    {
        using var anonymous = factory.CreatePageClient();
        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{id}/report?culture={language}", Ct)));
        using var response = await anonymous.GetAsync($"/api/published/{id}/report.docx?lang={language}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        return (html, document.MainDocumentPart!.Document!.Body!.InnerText);
    }

    private async Task<(DateTimeOffset At, string Name)> ValidationAsync(Guid id)
    {
        await using var scope = factory.OpenSystemDb();
        var change = await scope.Db.StatusChanges.IgnoreQueryFilters()
            .Where(c => c.AssessmentId == id && c.To == AssessmentStatus.Validated)
            .Select(c => new { c.At, c.ActorName })
            .SingleAsync(Ct);
        return (change.At, change.ActorName!);
    }

    [Fact]
    public async Task The_public_cover_shows_the_planned_dates_and_the_validating_role_and_date_but_not_the_reviewers_name()
    {
        var (round, reviewer) = await PublishedAsync("EMR");
        var (at, name) = await ValidationAsync(round.Id);
        var validated = $"by a reviewer for the Eastern Mediterranean Region on {at.UtcDateTime:d MMM yyyy}";

        var (html, docx) = await PublicReportAsync(round.Id);

        foreach (var content in new[] { html, docx })
        {
            Assert.Contains("Planned dates", content, StringComparison.Ordinal);
            Assert.Contains(PlannedRange, content, StringComparison.Ordinal);
            Assert.Contains(validated, content, StringComparison.Ordinal);
            Assert.DoesNotContain(name, content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(reviewer.Email, content, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Not recorded", content, StringComparison.Ordinal);
        }
        // The internal report is unchanged: the reviewer by name.
        using var internalApi = await factory.ApiAsync(round.FocalPoint);
        using var internalDocx = await internalApi.GetAsync($"/api/assessments/{round.Id}/report.docx?lang=en", Ct);
        using var document = WordprocessingDocument.Open(new MemoryStream(await internalDocx.Content.ReadAsByteArrayAsync(Ct)), false);
        var internalText = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains($"by {name} on {at.UtcDateTime:d MMM yyyy}", internalText, StringComparison.Ordinal);
        Assert.Contains(PlannedRange, internalText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_global_reviewer_is_named_by_role_in_french_and_arabic_too()
    {
        var (round, _) = await PublishedAsync(reviewerRegion: null);

        var (englishHtml, _) = await PublicReportAsync(round.Id);
        var (frenchHtml, frenchDocx) = await PublicReportAsync(round.Id, "fr");
        var (arabicHtml, arabicDocx) = await PublicReportAsync(round.Id, "ar");

        Assert.Contains("by a global reviewer on", englishHtml, StringComparison.Ordinal);
        Assert.Contains("par un examinateur mondial le", frenchHtml, StringComparison.Ordinal);
        Assert.Contains("par un examinateur mondial le", frenchDocx, StringComparison.Ordinal);
        Assert.Contains("مراجع عالمي", arabicHtml, StringComparison.Ordinal);
        Assert.Contains("مراجع عالمي", arabicDocx, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_signed_before_dates_and_validation_were_recorded_still_renders_and_says_not_recorded()
    {
        var (round, _) = await PublishedAsync("EMR");
        await using (var scope = factory.OpenSystemDb())
        {
            var release = await scope.Db.PublishedReleases.SingleAsync(r => r.AssessmentId == round.Id, Ct);
            // As an older release stored it: its snapshot JSON without the two fields.
            scope.Db.Entry(release).Property(r => r.Snapshot).CurrentValue = release.Snapshot with { Planned = null, Validation = null };
            await scope.Db.SaveChangesAsync(Ct);
        }

        var (html, docx) = await PublicReportAsync(round.Id);

        foreach (var content in new[] { html, docx })
        {
            Assert.Contains("Assessment report: Egypt", content, StringComparison.Ordinal);
            Assert.Equal(2, content.Split("Not recorded in this release").Length - 1);
            Assert.DoesNotContain(PlannedRange, content, StringComparison.Ordinal);
        }
    }
}
