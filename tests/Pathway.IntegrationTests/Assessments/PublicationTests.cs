using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Evidence;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>Sign-off and the public pages: exactly what the country chose becomes public, and corrections keep their history.</summary>
public class PublicationTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string PublicTitle = "Licensing law of 2019";
    private const string PrivateTitle = "Internal inspection minutes";
    private const string Rationale = "Agreed in the test workshop.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n%%EOF\n");

    /// <summary>Attaches a file as evidence directly (as the evidence step would), public or not.</summary>
    private async Task<Guid> AddEvidenceAsync(TestRound round, string title, bool isPublic, string code)
    {
        var content = Pdf(title);
        var file = new EvidenceFile { CountryIso3 = round.Country, Content = content, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)) };
        var item = new EvidenceItem
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            Links = { TestEvidence.Supports(round.Id, round.Country, code) },
            Type = EvidenceType.Law,
            Title = title,
            IsPublic = isPublic,
            FileId = file.Id,
            File = file,
            FileName = title.Replace(' ', '-') + ".pdf",
            FileType = EvidenceFileType.Pdf,
            FileSize = content.Length,
            AddedAt = DateTimeOffset.UtcNow,
        };
        await using var scope = factory.OpenSystemDb();
        scope.Db.Evidence.Add(item);
        await scope.Db.SaveChangesAsync(Ct);
        return item.Id;
    }

    private async Task<(TestRound Round, Guid PublicEvidence, Guid PrivateEvidence)> ValidatedRoundAsync(string country = "EGY")
    {
        var round = await factory.CreateRoundAsync(country, AssessmentStatus.RatingOpen);
        var publicEvidence = await AddEvidenceAsync(round, PublicTitle, isPublic: true, round.MechanismCodes[0]);
        var privateEvidence = await AddEvidenceAsync(round, PrivateTitle, isPublic: false, round.MechanismCodes[0]);
        await factory.MoveRoundAsync(round, AssessmentStatus.Validated);
        return (round, publicEvidence, privateEvidence);
    }

    /// <summary>The form as a browser posts it with these checkboxes ticked (unticked ones are not sent).</summary>
    private static FormUrlEncodedContent Ticked(HtmlForm form, params string[] names) =>
        new([.. form.Fields, .. names.Select(name => new KeyValuePair<string, string>(name, "true"))]);

    [Fact]
    public async Task Publishing_the_behaviour_profile_only_shows_the_profile_and_nothing_else()
    {
        var (round, publicEvidence, _) = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var anonymous = factory.CreatePageClient();

        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Profile);

        using var api = await anonymous.GetAsync($"/api/published/{round.Id}", Ct);
        var release = await HttpAssert.JsonAsync(api);
        var behaviours = release.GetProperty("behaviours").EnumerateArray().ToList();
        Assert.Equal(6, behaviours.Count);
        Assert.All(behaviours, b => Assert.Equal(2.0m, b.GetProperty("mean").GetDecimal()));
        Assert.All(behaviours, b => Assert.Equal("Progressing", b.GetProperty("band").GetString()));
        Assert.Equal(JsonValueKind.Null, release.GetProperty("mechanisms").ValueKind);
        Assert.Equal(JsonValueKind.Null, release.GetProperty("evidence").ValueKind);
        Assert.True(release.GetProperty("published").GetProperty("behaviourProfile").GetBoolean());
        Assert.False(release.GetProperty("published").GetProperty("rationales").GetBoolean());
        var json = release.GetRawText();
        Assert.DoesNotContain(Rationale, json, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicTitle, json, StringComparison.Ordinal);
        Assert.DoesNotContain(round.FocalPoint.Email, json, StringComparison.OrdinalIgnoreCase);

        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Contains("published-profile", page, StringComparison.Ordinal);
        Assert.Contains("radar-chart", page, StringComparison.Ordinal);
        Assert.DoesNotContain("published-mechanisms", page, StringComparison.Ordinal);
        Assert.DoesNotContain("published-rationales", page, StringComparison.Ordinal);
        Assert.DoesNotContain("published-evidence", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Rationale, page, StringComparison.Ordinal);
        Assert.DoesNotContain(PublicTitle, page, StringComparison.Ordinal);
        Assert.Contains("Revision 1, signed off on", page, StringComparison.Ordinal);

        using var file = await anonymous.GetAsync(PublishedDownloads.Href(round.Id, publicEvidence), Ct);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);

        using var list = await anonymous.GetAsync("/api/published?country=egy", Ct);
        var listed = Assert.Single((await HttpAssert.JsonAsync(list)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == round.Id);
        Assert.Equal(1, listed.GetProperty("revision").GetInt32());
        using var otherCountry = await anonymous.GetAsync("/api/published?country=KEN", Ct);
        Assert.DoesNotContain((await HttpAssert.JsonAsync(otherCountry)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == round.Id);
        var listPage = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/published", Ct));
        Assert.Contains($"/published/{round.Id}", listPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_off_records_who_when_and_what_was_made_public()
    {
        var (round, _, _) = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        await focalPoint.MoveOkAsync(round, "Published", note: "Validated by the regional review.",
            publish: new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = true });

        await using var scope = factory.OpenSystemDb();
        var release = await scope.Db.PublishedReleases.AsNoTracking().SingleAsync(r => r.AssessmentId == round.Id, Ct);
        Assert.Equal(round.FocalPoint.Id, release.SignedOffById);
        Assert.Equal(round.FocalPoint.Email, release.SignedOffByName);
        Assert.InRange(release.SignedOffAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(new PublicationChoices(true, true, false, true), release.Choices);
        Assert.Equal(1, release.Revision);
        Assert.Equal("Validated by the regional review.", release.Note);
        Assert.All(release.Snapshot.Mechanisms!, m => Assert.Null(m.Rationale));
        Assert.Equal([PublicTitle], release.Snapshot.Evidence!.Select(e => e.Title));
        var change = await scope.Db.StatusChanges.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(c => c.AssessmentId == round.Id && c.To == AssessmentStatus.Published, Ct);
        Assert.Equal((AssessmentStatus.Validated, round.FocalPoint.Id), (change.From, change.ActorId));
        using var history = await focalPoint.GetAsync($"/api/assessments/{round.Id}/transitions", Ct);
        Assert.Contains((await HttpAssert.JsonAsync(history)).EnumerateArray(), m => m.GetProperty("to").GetString() == "Published");
    }

    [Fact]
    public async Task Publishing_nothing_closes_the_round_and_shows_nothing_publicly()
    {
        var (round, publicEvidence, _) = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var anonymous = factory.CreatePageClient();

        await focalPoint.MoveOkAsync(round, "Published",
            publish: new { behaviourProfile = false, mechanismLevels = false, rationales = false, publicEvidence = false });

        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/published/{round.Id}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/published/{round.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/published/{round.Id}/revisions/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublishedDownloads.Href(round.Id, publicEvidence), Ct)).StatusCode);
        using var list = await anonymous.GetAsync("/api/published", Ct);
        Assert.DoesNotContain((await HttpAssert.JsonAsync(list)).EnumerateArray(), r => r.GetProperty("id").GetGuid() == round.Id);
        Assert.True((await factory.StoredRoundAsync(round)).IsReadOnly);
    }

    [Fact]
    public async Task Publication_needs_the_focal_point_explicit_choices_and_mechanism_levels_for_rationales()
    {
        var (round, _, _) = await ValidatedRoundAsync();
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var reviewerApi = await factory.ApiAsync(reviewer);

        using var byFacilitator = await facilitator.MoveAsync(round, "Published", publish: WorkflowKit.Profile);
        using var byReviewer = await reviewerApi.MoveAsync(round, "Published", publish: WorkflowKit.Profile);
        using var noChoices = await focalPoint.MoveAsync(round, "Published");
        using var rationalesAlone = await focalPoint.MoveAsync(round, "Published",
            publish: new { behaviourProfile = true, mechanismLevels = false, rationales = true, publicEvidence = false });

        await HttpAssert.ProblemAsync(byFacilitator, HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(byReviewer, HttpStatusCode.Forbidden);
        var missing = await HttpAssert.ProblemAsync(noChoices, HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("Publish", out _));
        var problem = await HttpAssert.ProblemAsync(rationalesAlone, HttpStatusCode.BadRequest);
        Assert.Contains("choose mechanism levels too", problem.GetProperty("errors").GetProperty("Rationales")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Validated, (await factory.StoredRoundAsync(round)).Status);
        await using var scope = factory.OpenSystemDb();
        Assert.False(await scope.Db.PublishedReleases.AnyAsync(r => r.AssessmentId == round.Id, Ct));
    }

    [Fact]
    public async Task A_private_evidence_item_is_never_downloadable_publicly()
    {
        var (round, publicEvidence, privateEvidence) = await ValidatedRoundAsync();
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var anonymous = factory.CreatePageClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublishedDownloads.Href(round.Id, publicEvidence), Ct)).StatusCode);

        await focalPoint.MoveOkAsync(round, "Published", publish: WorkflowKit.Everything);

        using var file = await anonymous.GetAsync(PublishedDownloads.Href(round.Id, publicEvidence), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf(PublicTitle), await file.Content.ReadAsByteArrayAsync(Ct));
        using var hidden = await anonymous.GetAsync(PublishedDownloads.Href(round.Id, privateEvidence), Ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var other = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        using var wrongRound = await anonymous.GetAsync(PublishedDownloads.Href(other.Id, publicEvidence), Ct);
        Assert.Equal(HttpStatusCode.NotFound, wrongRound.StatusCode);

        var release = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{round.Id}", Ct));
        var evidence = Assert.Single(release.GetProperty("evidence").EnumerateArray());
        Assert.Equal(PublishedDownloads.Href(round.Id, publicEvidence), evidence.GetProperty("fileUrl").GetString());
        Assert.DoesNotContain(PrivateTitle, release.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(Rationale, release.GetProperty("mechanisms")[0].GetProperty("rationale").GetString());
        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Contains(PublicTitle, page, StringComparison.Ordinal);
        Assert.Contains("published-mechanisms", page, StringComparison.Ordinal);
        Assert.Contains(Rationale, page, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateTitle, page, StringComparison.Ordinal);
        Assert.DoesNotContain(privateEvidence.ToString(), page, StringComparison.Ordinal);

        // Unmarking the item later withdraws its file even from the release that listed it.
        await using (var scope = factory.OpenSystemDb())
        {
            var item = await scope.Db.Evidence.IgnoreQueryFilters().SingleAsync(e => e.Id == publicEvidence, Ct);
            item.IsPublic = false;
            await scope.Db.SaveChangesAsync(Ct);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(PublishedDownloads.Href(round.Id, publicEvidence), Ct)).StatusCode);
    }

    [Fact]
    public async Task A_correction_opens_revision_2_and_revision_1_stays_visible_in_the_history()
    {
        var (round, _, _) = await ValidatedRoundAsync();
        var reviewer = await factory.CreateUserAsync(Roles.Reviewer, region: "EMR");
        using var focalPoint = await factory.ApiAsync(round.FocalPoint);
        using var facilitator = await factory.ApiAsync(round.Facilitator);
        using var reviewerApi = await factory.ApiAsync(reviewer);
        using var anonymous = factory.CreatePageClient();
        var choices = new { behaviourProfile = true, mechanismLevels = true, rationales = false, publicEvidence = false };
        var code = round.MechanismCodes[0];
        await focalPoint.MoveOkAsync(round, "Published", publish: choices);

        var reopened = await focalPoint.MoveOkAsync(round, "Consensus", comment: "The level of the first mechanism was mistyped.");
        Assert.Equal(2, reopened.GetProperty("revision").GetInt32());
        var meanwhile = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{round.Id}", Ct));
        Assert.Equal(1, meanwhile.GetProperty("revision").GetInt32());

        using (var fix = await facilitator.PutAsJsonAsync($"/api/assessments/{round.Id}/consensus/{code}",
            new { state = "Rated", level = 4, rationale = "Corrected: the law is fully in force.", confidence = "High", method = "Consensus", version = 1 }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, fix.StatusCode);
        }
        await facilitator.MoveOkAsync(round, "Submitted");
        await reviewerApi.MoveOkAsync(round, "Validated");
        using (var client = await factory.CreateSignedInClientAsync(round.FocalPoint))
        {
            var publishPage = await HttpAssert.HtmlAsync(await client.GetAsync($"/assessments/{round.Id}/publish", Ct));
            Assert.Contains("The level of the first mechanism was mistyped.", publishPage, StringComparison.Ordinal);
        }
        await focalPoint.MoveOkAsync(round, "Published", publish: choices, note: "First mechanism corrected from 2 to 4.");

        var latest = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{round.Id}", Ct));
        Assert.Equal(2, latest.GetProperty("revision").GetInt32());
        Assert.Equal([1, 2], latest.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(4, latest.GetProperty("mechanisms")[0].GetProperty("level").GetInt32());
        var first = await HttpAssert.JsonAsync(await anonymous.GetAsync($"/api/published/{round.Id}?revision=1", Ct));
        Assert.Equal(2, first.GetProperty("mechanisms")[0].GetProperty("level").GetInt32());
        Assert.Equal(2, first.GetProperty("latestRevision").GetInt32());

        var page = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}", Ct));
        Assert.Contains("Revision 2, signed off on", page, StringComparison.Ordinal);
        Assert.Contains("Corrected on", page, StringComparison.Ordinal);
        Assert.Contains("First mechanism corrected from 2 to 4.", page, StringComparison.Ordinal);
        Assert.Contains($"/published/{round.Id}/revisions/1", page, StringComparison.Ordinal);
        var old = await HttpAssert.HtmlAsync(await anonymous.GetAsync($"/published/{round.Id}/revisions/1", Ct));
        Assert.Contains("You are reading revision 1; the latest is revision 2.", old, StringComparison.Ordinal);

        await using var scope = factory.OpenSystemDb();
        Assert.Equal([1, 2], await scope.Db.PublishedReleases.Where(r => r.AssessmentId == round.Id).OrderBy(r => r.Revision)
            .Select(r => r.Revision).ToListAsync(Ct));
        var correction = await scope.Db.StatusChanges.IgnoreQueryFilters().AsNoTracking()
            .SingleAsync(c => c.AssessmentId == round.Id && c.From == AssessmentStatus.Published, Ct);
        Assert.Equal(("The level of the first mechanism was mistyped.", 2), (correction.Comment, correction.Revision));
    }

    [Fact]
    public async Task The_focal_point_signs_off_on_the_publish_page_only_with_the_sign_off_statement_ticked()
    {
        var (round, _, _) = await ValidatedRoundAsync();
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var url = $"/assessments/{round.Id}/publish";
        var page = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        Assert.Contains("1 evidence items marked public (of 2)", page, StringComparison.Ordinal);

        var form = HtmlForm.Find(page, "publish");
        var unsigned = Ticked(form, form.NameOf("choice-profile"));
        var refused = await HttpAssert.HtmlAsync(await client.PostAsync(url, unsigned, Ct));
        Assert.Contains("Tick the sign-off statement to publish.", refused, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Validated, (await factory.StoredRoundAsync(round)).Status);

        Assert.Equal($"/published/{round.Id}", WorkflowKit.PathOf(await HttpAssert.RedirectAsync(
            await client.PostAsync(url, Ticked(form, form.NameOf("choice-profile"), form.NameOf("signoff")), Ct))));
        Assert.Equal(AssessmentStatus.Published, (await factory.StoredRoundAsync(round)).Status);

        var again = await HttpAssert.HtmlAsync(await client.PostAsync(url, Ticked(form, form.NameOf("choice-profile"), form.NameOf("signoff")), Ct));
        Assert.Contains("The round moved meanwhile", again, StringComparison.Ordinal);
        var after = await HttpAssert.HtmlAsync(await client.GetAsync(url, Ct));
        Assert.Contains("Behaviour profile", after, StringComparison.Ordinal);
        Assert.Contains("Open a correction", after, StringComparison.Ordinal);
        await using var scope = factory.OpenSystemDb();
        Assert.Equal(1, await scope.Db.PublishedReleases.CountAsync(r => r.AssessmentId == round.Id, Ct));
    }

    [Fact]
    public async Task Public_pages_and_api_need_no_sign_in_and_unknown_rounds_are_404()
    {
        using var anonymous = factory.CreatePageClient();

        var list = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/published", Ct));
        Assert.Contains("Published assessments", list, StringComparison.Ordinal);
        await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/published", Ct));
        await HttpAssert.ProblemAsync(await anonymous.GetAsync($"/api/published/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/published/{Guid.NewGuid()}", Ct)).StatusCode);
        var draft = await factory.CreateRoundAsync(status: AssessmentStatus.Validated);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/published/{draft.Id}", Ct)).StatusCode);
    }
}
