using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Connector.Demo;
using Pathway.Web.Connector.Helpdesk;
using Pathway.Web.Connector.Search;
using Pathway.Web.Notices;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §7, the helpdesk: a question asked, routed to an expert, answered, published as a FAQ entry by an editor
/// and found in search, with the asker never named in public; only editors moderate; script stays inert.
/// </summary>
public class HelpdeskTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Script = "<script>alert('x')</script>";

    [Fact]
    public async Task Asked_routed_answered_by_the_expert_and_published_shows_in_the_faq_and_search_without_the_asker()
    {
        var asker = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        var expert = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        var words = $"licensing-{TestAccounts.UniqueSuffix()}";

        // The asker asks from the page (Markdown, with a script that must stay inert).
        using var askerPage = await factory.CreateSignedInClientAsync(asker);
        var form = HtmlForm.Find(await HttpAssert.HtmlAsync(await askerPage.GetAsync("/helpdesk", Ct)), "helpdesk-ask")
            .Fill("question", $"How do other countries keep a **{words}** register current? {Script}")
            .Fill("mechanism", "BU.1")
            .Fill("country", "EGY");
        await HttpAssert.RedirectAsync(await askerPage.PostAsync("/helpdesk", form.ToContent(), Ct));
        Guid id;
        await using (var scope = factory.OpenSystemDb())
        {
            var asked = await scope.Db.Set<HelpdeskQuestion>().SingleAsync(q => q.AskerId == asker.Id, Ct);
            Assert.Equal(("BU", "BU.1", "EGY", HelpdeskStatus.Open), (asked.BehaviourCode, asked.MechanismCode, asked.CountryIso3, asked.Status));
            id = asked.Id;
        }

        // The editor finds it in the queue and routes it to the expert by e-mail address.
        using var editorApi = await factory.CreateApiClientAsync(editor);
        var queue = await HttpAssert.JsonAsync(await editorApi.GetAsync("/api/helpdesk/queue", Ct));
        Assert.Contains(queue.EnumerateArray(), q => q.GetProperty("id").GetGuid() == id);
        var routed = await HttpAssert.JsonAsync(await editorApi.PostAsJsonAsync($"/api/helpdesk/{id}/route", new { expert = expert.Email.ToUpperInvariant() }, Ct));
        Assert.Equal("Routed", routed.GetProperty("status").GetString());
        await using (var scope = factory.OpenSystemDb())
        {
            var notice = await scope.Db.Notices.SingleAsync(n => n.RecipientId == expert.Id && n.Kind == NoticeKind.HelpdeskRouted, Ct);
            Assert.Equal($"/helpdesk/{id}", notice.Link);
        }

        // The expert answers from the question's page; the asker is told and sees the status.
        using var expertPage = await factory.CreateSignedInClientAsync(expert);
        var mine = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await expertPage.GetAsync("/helpdesk", Ct)));
        Assert.Contains($"/helpdesk/{id}", mine, StringComparison.Ordinal);
        var answerForm = HtmlForm.Find(await HttpAssert.HtmlAsync(await expertPage.GetAsync($"/helpdesk/{id}", Ct)), "helpdesk-answer")
            .Fill("answer", $"Match the licensing lists with the insurance register every year. {Script}");
        await HttpAssert.RedirectAsync(await expertPage.PostAsync($"/helpdesk/{id}", answerForm.ToContent(), Ct));
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.True(await scope.Db.Notices.AnyAsync(n => n.RecipientId == asker.Id && n.Kind == NoticeKind.HelpdeskAnswered, Ct));
        }
        using var askerApi = await factory.CreateApiClientAsync(asker);
        var myQuestions = await HttpAssert.JsonAsync(await askerApi.GetAsync("/api/helpdesk/mine", Ct));
        Assert.Equal("Answered", myQuestions.EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == id).GetProperty("status").GetString());
        var questionPage = await HttpAssert.HtmlAsync(await askerPage.GetAsync($"/helpdesk/{id}", Ct));
        Assert.DoesNotContain("<script>alert", questionPage, StringComparison.Ordinal);

        // Not in public nor in search before publication.
        using var anonymous = factory.CreateClient();
        Assert.DoesNotContain(words, WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/helpdesk/faq", Ct))), StringComparison.Ordinal);
        Assert.False(await InSearchAsync(id));

        // The editor publishes, editing the question for the public and adding French.
        var published = await HttpAssert.JsonAsync(await editorApi.PostAsJsonAsync($"/api/helpdesk/{id}/publish", new
        {
            questionEn = $"How can a **{words}** register be kept current? {Script}",
            questionFr = $"Comment tenir à jour un registre **{words}** ?",
            answerEn = $"Match the licensing lists with the insurance register every year. {Script}",
            answerFr = "Rapprochez chaque année les listes d'autorisations du registre de l'assurance.",
        }, Ct));
        Assert.Equal("Published", published.GetProperty("status").GetString());

        var faq = await HttpAssert.HtmlAsync(await anonymous.GetAsync("/helpdesk/faq?mechanism=BU.1", Ct));
        var faqText = WebUtility.HtmlDecode(faq);
        Assert.Contains(words, faqText, StringComparison.Ordinal);
        Assert.Contains("Match the licensing lists", faqText, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", faq, StringComparison.Ordinal);
        Assert.DoesNotContain(asker.Email, faqText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(asker.Id, faqText, StringComparison.Ordinal);
        Assert.DoesNotContain(words, WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/helpdesk/faq?mechanism=DS.1", Ct))), StringComparison.Ordinal);
        var faqApi = await HttpAssert.JsonAsync(await anonymous.GetAsync("/api/helpdesk/faq?behaviour=BU", Ct));
        Assert.DoesNotContain(asker.Email, faqApi.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(faqApi.EnumerateArray(), entry => entry.GetProperty("id").GetGuid() == id);

        using var french = factory.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        Assert.Contains("Rapprochez chaque année", WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await french.GetAsync("/helpdesk/faq", Ct))), StringComparison.Ordinal);

        await using (var scope = factory.OpenSystemDb())
        {
            var entry = await scope.Db.Set<SearchEntry>().SingleAsync(e => e.Kind == SearchKind.HelpdeskAnswer && e.Key == id.ToString(), Ct);
            Assert.Equal(SearchAudience.Public, entry.Audience);
            Assert.Contains(" Mechanism:BU.1 ", entry.Tags, StringComparison.Ordinal);
            // The index keeps words, not punctuation: "licensing-1a2b" is indexed as "licensing 1a2b".
            Assert.Contains(words.Replace('-', ' '), entry.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(asker.Email, entry.Text + entry.Title.ToJson() + entry.Summary.ToJson(), StringComparison.OrdinalIgnoreCase);
        }

        // Taken down: gone from the FAQ and from search in the same save.
        await HttpAssert.JsonAsync(await editorApi.DeleteAsync($"/api/helpdesk/{id}/publish", Ct));
        Assert.DoesNotContain(words, WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/helpdesk/faq", Ct))), StringComparison.Ordinal);
        Assert.False(await InSearchAsync(id));
    }

    [Fact]
    public async Task Only_editors_route_publish_and_read_the_queue_and_nobody_else_sees_a_question()
    {
        var asker = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "TUN");
        var stranger = await factory.CreateUserAsync(Roles.CountryContributor, country: "TUN");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        using var askerApi = await factory.CreateApiClientAsync(asker);
        using var asked = await askerApi.PostAsJsonAsync("/api/helpdesk", new { question = "Is a dialogue charter needed?", behaviour = "FR" }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        using var editorApi = await factory.CreateApiClientAsync(editor);
        await HttpAssert.JsonAsync(await editorApi.PostAsJsonAsync($"/api/helpdesk/{id}/answer", new { answer = "Yes, a short one." }, Ct));

        // The asker sees the question but may not publish, route or read the queue.
        var publish = new { questionEn = "Q", answerEn = "A" };
        await HttpAssert.ProblemAsync(await askerApi.PostAsJsonAsync($"/api/helpdesk/{id}/publish", publish, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await askerApi.PostAsJsonAsync($"/api/helpdesk/{id}/route", new { expert = editor.Email }, Ct), HttpStatusCode.Forbidden);
        await HttpAssert.ProblemAsync(await askerApi.GetAsync("/api/helpdesk/queue", Ct), HttpStatusCode.Forbidden);
        using var askerPage = await factory.CreateSignedInClientAsync(asker);
        using var queuePage = await askerPage.GetAsync("/helpdesk/queue", Ct);
        Assert.Equal(HttpStatusCode.NotFound, queuePage.StatusCode);
        var own = await HttpAssert.HtmlAsync(await askerPage.GetAsync($"/helpdesk/{id}", Ct));
        Assert.Throws<InvalidOperationException>(() => HtmlForm.Find(own, "helpdesk-publish"));

        // Someone else of the same country: not found, and cannot publish.
        using var strangerApi = await factory.CreateApiClientAsync(stranger);
        await HttpAssert.ProblemAsync(await strangerApi.GetAsync($"/api/helpdesk/{id}", Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await strangerApi.PostAsJsonAsync($"/api/helpdesk/{id}/publish", publish, Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await strangerApi.PostAsJsonAsync($"/api/helpdesk/{id}/answer", new { answer = "Mine" }, Ct), HttpStatusCode.NotFound);

        // Bad input: an unknown mechanism, and a mechanism outside the chosen behaviour.
        var unknown = await HttpAssert.ProblemAsync(await askerApi.PostAsJsonAsync("/api/helpdesk", new { question = "Q?", mechanism = "ZZ.9" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("Mechanism", out _));
        var mismatch = await HttpAssert.ProblemAsync(await askerApi.PostAsJsonAsync("/api/helpdesk", new { question = "Q?", behaviour = "DS", mechanism = "FR.1" }, Ct), HttpStatusCode.BadRequest);
        Assert.True(mismatch.GetProperty("errors").TryGetProperty("Mechanism", out _));
        Assert.False(await InSearchAsync(id));
    }

    [Fact]
    public async Task A_question_tells_the_editors_pointing_to_their_queue_and_its_answer_tells_the_asker_pointing_to_the_question()
    {
        var asker = await factory.CreateUserAsync(Roles.CountryContributor, country: "SEN");
        var editor = await factory.CreateUserAsync(Roles.ContentEditor);
        var words = $"Who inspects private pharmacies {TestAccounts.UniqueSuffix()}?";
        using var askerApi = await factory.CreateApiClientAsync(asker);
        using var asked = await askerApi.PostAsJsonAsync("/api/helpdesk", new { question = $"**{words}**", mechanism = "AS.1" }, Ct);
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // The editors are told, in their language, and led to the queue where the question waits; the asker is not.
        await using (var scope = factory.OpenSystemDb())
        {
            var told = await scope.Db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind.HelpdeskAsked && n.RoundTitle == words).ToListAsync(Ct);
            Assert.Contains(told, notice => notice.RecipientId == editor.Id);
            Assert.DoesNotContain(told, notice => notice.RecipientId == asker.Id);
            Assert.All(told, notice => Assert.Equal("/helpdesk/queue", notice.Link));
        }
        using var editorApi = await factory.CreateApiClientAsync(editor);
        var editorNotice = await NoticeAsync(editorApi, words, "fr");
        Assert.Equal($"Nouvelle question au service d'assistance : {words}", editorNotice.GetProperty("title").GetString());
        Assert.Equal("/helpdesk/queue", editorNotice.GetProperty("link").GetString());
        using var editorPage = await factory.CreateSignedInClientAsync(editor);
        Assert.Contains($"/helpdesk/{id}", await HttpAssert.HtmlAsync(await editorPage.GetAsync("/helpdesk/queue", Ct)), StringComparison.Ordinal);

        // Answered: the asker is told, led to the question's page, where the answer is.
        await HttpAssert.JsonAsync(await editorApi.PostAsJsonAsync($"/api/helpdesk/{id}/answer", new { answer = "The regional health office, twice a year." }, Ct));
        var askerNotice = await NoticeAsync(askerApi, words, "ar");
        Assert.Equal($"/helpdesk/{id}", askerNotice.GetProperty("link").GetString());
        Assert.StartsWith("تمت الإجابة عن سؤالك", askerNotice.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var askerPage = await factory.CreateSignedInClientAsync(asker);
        Assert.Contains("The regional health office, twice a year.",
            WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await askerPage.GetAsync($"/helpdesk/{id}", Ct))), StringComparison.Ordinal);

        // An editor who asks is not told of their own question.
        using var ownQuestion = await editorApi.PostAsJsonAsync("/api/helpdesk", new { question = $"Mine: {words}" }, Ct);
        Assert.Equal(HttpStatusCode.Created, ownQuestion.StatusCode);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.False(await scope.Db.Notices.AnyAsync(n => n.RecipientId == editor.Id && n.RoundTitle == $"Mine: {words}", Ct));
        }
    }

    /// <summary>The caller's notice about the question, as the notices API gives it in <paramref name="language"/>.</summary>
    private static async Task<JsonElement> NoticeAsync(HttpClient api, string words, string language)
    {
        var notices = await HttpAssert.JsonAsync(await api.GetAsync($"/api/notices?lang={language}", Ct));
        return notices.GetProperty("notices").EnumerateArray().Single(notice => notice.GetProperty("title").GetString()!.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demonstration_answers_load_once_show_labelled_and_go_with_removal()
    {
        await DemoHelpdesk.LoadAsync(factory.Services, Ct);
        await DemoHelpdesk.LoadAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(5, await scope.Db.Set<HelpdeskQuestion>().CountAsync(q => q.IsDemonstration && q.Status == HelpdeskStatus.Published, Ct));
            Assert.Equal(5, await scope.Db.Set<SearchEntry>().CountAsync(e => e.Kind == SearchKind.HelpdeskAnswer && e.Key.StartsWith("0193a000-"), Ct));
        }
        using var anonymous = factory.CreateClient();
        var faq = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await anonymous.GetAsync("/helpdesk/faq?mechanism=FR.1", Ct)));
        Assert.Contains("dialogue platform", faq, StringComparison.Ordinal);
        Assert.Contains("Demonstration", faq, StringComparison.Ordinal);

        await DemoHelpdesk.RemoveAsync(factory.Services, Ct);
        await DemoHelpdesk.RemoveAsync(factory.Services, Ct);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(0, await scope.Db.Set<HelpdeskQuestion>().CountAsync(q => q.IsDemonstration, Ct));
            Assert.Equal(0, await scope.Db.Set<SearchEntry>().CountAsync(e => e.Kind == SearchKind.HelpdeskAnswer && e.Key.StartsWith("0193a000-"), Ct));
        }
    }

    private async Task<bool> InSearchAsync(Guid id)
    {
        await using var scope = factory.OpenSystemDb();
        var key = id.ToString();
        return await scope.Db.Set<SearchEntry>().AnyAsync(e => e.Kind == SearchKind.HelpdeskAnswer && e.Key == key, Ct);
    }
}
