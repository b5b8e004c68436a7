using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>A round's participants (page and API) and the invitation of new people, on both databases.</summary>
public partial class ParticipantsTests(PathwayAppFactory factory) : IClassFixture<PathwayAppFactory>
{
    private const string AddForm = "add-participant";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where a redirect goes, as a path and query (the server may answer with an absolute address).</summary>
    private static async Task<string> RedirectPathAsync(HttpResponseMessage response)
    {
        var location = new Uri(await HttpAssert.RedirectAsync(response), UriKind.RelativeOrAbsolute);
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private async Task<HttpClient> ApiAsync(TestUser user)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await factory.GetBearerTokenAsync(user));
        return client;
    }

    private static string Url(TestRound round) => $"/api/assessments/{round.Id}/participants";

    private static string PageUrl(TestRound round) => $"/assessments/{round.Id}/participants";

    private async Task<List<Participant>> ParticipantsOfAsync(TestRound round)
    {
        await using var scope = factory.OpenSystemDb();
        return await scope.Db.Participants.IgnoreQueryFilters().AsNoTracking().Where(p => p.AssessmentId == round.Id).ToListAsync(Ct);
    }

    private async Task RateAsync(TestRound round, TestUser respondent)
    {
        await using var scope = factory.OpenSystemDb();
        var participantId = await scope.Db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == respondent.Id).Select(p => p.Id).SingleAsync(Ct);
        var rating = new Rating { AssessmentId = round.Id, CountryIso3 = round.Country, ParticipantId = participantId, MechanismCode = round.MechanismCodes[0] };
        rating.Record(IndividualAnswer.Rated(3), null, DateTimeOffset.UtcNow);
        scope.Db.Ratings.Add(rating);
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<Guid> ParticipantIdAsync(TestRound round, TestUser user) =>
        (await ParticipantsOfAsync(round)).Single(p => p.UserId == user.Id).Id;

    // ---- Adding through the API ----

    [Fact]
    public async Task Focal_point_adds_an_existing_account_of_the_country_with_group_role_and_declaration()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var person = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.PostAsJsonAsync(Url(round), new
        {
            email = person.Email.ToUpperInvariant(), organisation = "Egyptian Medical Syndicate", group = "professionalAssociation",
            role = "Respondent", hasConflictOfInterest = true, conflictOfInterest = "Runs a private clinic in Giza.",
        }, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("invitationLink").ValueKind);
        var participant = body.GetProperty("participant");
        Assert.Equal("ProfessionalAssociation", participant.GetProperty("group").GetString());
        Assert.Equal("Private", participant.GetProperty("side").GetString());
        Assert.Equal("Respondent", participant.GetProperty("role").GetString());
        var stored = Assert.Single(await ParticipantsOfAsync(round), p => p.UserId == person.Id);
        Assert.Equal(StakeholderGroup.ProfessionalAssociation, stored.Group);
        Assert.Equal("Egyptian Medical Syndicate", stored.Organisation);
        Assert.True(stored.HasConflictOfInterest);
        Assert.Equal("Runs a private clinic in Giza.", stored.ConflictOfInterest);
        Assert.Equal("EGY", stored.CountryIso3);
    }

    [Fact]
    public async Task Adding_an_account_of_another_country_is_refused_on_the_email_field_and_nothing_is_saved()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var kenyan = await factory.CreateUserAsync(Roles.CountryContributor, country: "KEN");
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.PostAsJsonAsync(Url(round), new { email = kenyan.Email, group = "MinistryOfHealth" }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("email")[0].GetString();
        Assert.Contains("do not cover Egypt", message, StringComparison.Ordinal);
        Assert.Equal(4, (await ParticipantsOfAsync(round)).Count);
    }

    [Fact]
    public async Task A_regional_officer_of_the_countrys_region_can_be_added_but_not_one_of_another_region()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var emr = await factory.CreateUserAsync(Roles.RegionalOfficer, region: "EMR");
        var afr = await factory.CreateUserAsync(Roles.RegionalOfficer, region: "AFR");
        using var client = await ApiAsync(round.FocalPoint);

        using var refused = await client.PostAsJsonAsync(Url(round), new { email = afr.Email, group = "WhoOffice", role = "Observer" }, Ct);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.BadRequest);
        using var added = await client.PostAsJsonAsync(Url(round), new { email = emr.Email, group = "WhoOffice", role = "Observer" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
    }

    public static TheoryData<string, object, string> BadParticipants => new()
    {
        { "no e-mail", new { group = "MinistryOfHealth" }, "email" },
        { "not an e-mail", new { email = "not-an-address", displayName = "X", group = "MinistryOfHealth" }, "email" },
        { "new person without a name", new { email = TestAccounts.UniqueEmail("new"), group = "MinistryOfHealth" }, "displayName" },
        { "no group", new { email = TestAccounts.UniqueEmail("new"), displayName = "Dr Nour" }, "group" },
        { "unknown group", new { email = TestAccounts.UniqueEmail("new"), displayName = "Dr Nour", group = "Astronauts" }, "group" },
        { "unknown role", new { email = TestAccounts.UniqueEmail("new"), displayName = "Dr Nour", group = "Academia", role = "Chair" }, "role" },
        { "conflict without a declaration", new { email = TestAccounts.UniqueEmail("new"), displayName = "Dr Nour", group = "Academia", hasConflictOfInterest = true }, "conflictOfInterest" },
    };

    [Theory]
    [MemberData(nameof(BadParticipants))]
    public async Task A_bad_participant_is_refused_with_a_field_error_and_no_account_is_made(string because, object body, string field)
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var client = await ApiAsync(round.FocalPoint);
        int accounts;
        await using (var scope = factory.OpenSystemDb())
        {
            accounts = await scope.Db.Users.CountAsync(Ct);
        }

        using var response = await client.PostAsJsonAsync(Url(round), body, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{because}: expected an error on {field}, got {problem}");
        Assert.Equal(4, (await ParticipantsOfAsync(round)).Count);
        await using (var scope = factory.OpenSystemDb())
        {
            Assert.Equal(accounts, await scope.Db.Users.CountAsync(Ct));
        }
    }

    [Fact]
    public async Task Adding_someone_already_in_the_round_is_refused()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.PostAsJsonAsync(Url(round), new { email = round.Observer.Email, group = "Academia" }, Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("already a participant", problem.GetProperty("errors").GetProperty("email")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_focal_point_changes_participants_and_only_while_the_round_is_open_to_it()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var person = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");
        using var facilitator = await ApiAsync(round.Facilitator);
        await HttpAssert.ProblemAsync(
            await facilitator.PostAsJsonAsync(Url(round), new { email = person.Email, group = "Academia" }, Ct), HttpStatusCode.Forbidden);

        await factory.MoveRoundAsync(round, AssessmentStatus.Submitted);
        using var focalPoint = await ApiAsync(round.FocalPoint);
        var problem = await HttpAssert.ProblemAsync(
            await focalPoint.PostAsJsonAsync(Url(round), new { email = person.Email, group = "Academia" }, Ct), HttpStatusCode.Conflict);
        Assert.Contains("Submitted for review", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, (await ParticipantsOfAsync(round)).Count);
    }

    [Fact]
    public async Task Another_countrys_focal_point_gets_404_for_the_participants()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var other = await factory.CreateUserAsync(Roles.CountryFocalPoint, country: "KEN");
        using var client = await ApiAsync(other);

        await HttpAssert.ProblemAsync(await client.GetAsync(Url(round), Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.PostAsJsonAsync(Url(round), new { email = other.Email, group = "Academia" }, Ct), HttpStatusCode.NotFound);
        await HttpAssert.ProblemAsync(await client.DeleteAsync($"{Url(round)}/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
    }

    // ---- Listing ----

    [Fact]
    public async Task Everyone_on_the_round_sees_the_list_but_only_the_focal_point_sees_e_mail_addresses()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var respondent = await ApiAsync(round.PublicRespondent);
        using var focalPoint = await ApiAsync(round.FocalPoint);

        var seen = await HttpAssert.JsonAsync(await respondent.GetAsync(Url(round), Ct));
        var managed = await HttpAssert.JsonAsync(await focalPoint.GetAsync(Url(round), Ct));

        Assert.Equal(4, seen.GetArrayLength());
        Assert.All(seen.EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("email").ValueKind));
        var groups = seen.EnumerateArray().Select(p => (p.GetProperty("group").GetString(), p.GetProperty("role").GetString())).ToList();
        Assert.Contains(("MinistryOfHealth", "Respondent"), groups);
        Assert.Contains(("PrivateForProfitProvider", "Respondent"), groups);
        Assert.Contains(("WhoOffice", "Facilitator"), groups);
        Assert.Contains(("Academia", "Observer"), groups);
        Assert.Contains(managed.EnumerateArray(), p => p.GetProperty("email").GetString() == round.Observer.Email);
    }

    [Fact]
    public async Task The_participants_page_shows_the_list_to_a_respondent_without_the_forms()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var client = await factory.CreateSignedInClientAsync(round.PublicRespondent);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(PageUrl(round), Ct)));

        Assert.Contains("Ministry of health", html, StringComparison.Ordinal);
        Assert.Contains("Private for-profit provider", html, StringComparison.Ordinal);
        Assert.Contains("Observer", html, StringComparison.Ordinal);
        // The test round names people by their e-mail; the address itself is shown only under a manager's view of the name.
        Assert.DoesNotContain($"<div class=\"small text-body-secondary\"><bdi>{round.Observer.Email}", html, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => HtmlForm.Find(html, AddForm));
        Assert.Contains("aria-current=\"page\" href=\"/assessments/" + round.Id + "/participants\"", html, StringComparison.Ordinal);
    }

    // ---- Removing and changing ----

    [Fact]
    public async Task Removing_a_person_who_has_rated_is_refused_and_says_why()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PublicRespondent);
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.DeleteAsync($"{Url(round)}/{await ParticipantIdAsync(round, round.PublicRespondent)}", Ct);

        var problem = await HttpAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("has already given 1 rating", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, (await ParticipantsOfAsync(round)).Count);
    }

    [Fact]
    public async Task Removing_a_person_who_has_not_rated_takes_them_off_and_is_audited()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        var observer = await ParticipantIdAsync(round, round.Observer);
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.DeleteAsync($"{Url(round)}/{observer}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(await ParticipantsOfAsync(round), p => p.Id == observer);
        await using var scope = factory.OpenSystemDb();
        Assert.True(await scope.Db.AuditEntries.IgnoreQueryFilters()
            .AnyAsync(e => e.AssessmentId == round.Id && e.EntityId == observer && e.Action == AuditAction.Removed, Ct));
        using var again = await client.DeleteAsync($"{Url(round)}/{observer}", Ct);
        await HttpAssert.ProblemAsync(again, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_focal_point_removes_a_person_through_the_page()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var observer = await ParticipantIdAsync(round, round.Observer);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var form = HtmlForm.Find(await client.GetStringAsync(PageUrl(round), Ct), $"remove-{observer}");

        using var response = await client.PostAsync(PageUrl(round), form.ToContent(), Ct);

        Assert.Equal($"{PageUrl(round)}?removed=true", await RedirectPathAsync(response));
        Assert.DoesNotContain(await ParticipantsOfAsync(round), p => p.Id == observer);
    }

    [Fact]
    public async Task The_page_offers_no_remove_button_for_someone_who_rated()
    {
        var round = await factory.CreateRoundAsync("EGY", AssessmentStatus.RatingOpen);
        await RateAsync(round, round.PrivateRespondent);
        var rated = await ParticipantIdAsync(round, round.PrivateRespondent);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);

        var html = await client.GetStringAsync(PageUrl(round), Ct);

        Assert.Throws<InvalidOperationException>(() => HtmlForm.Find(html, $"remove-{rated}"));
    }

    [Fact]
    public async Task The_focal_point_changes_a_persons_group_role_and_declaration_through_the_page()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var observer = await ParticipantIdAsync(round, round.Observer);
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var url = $"{PageUrl(round)}?edit={observer}";
        var form = HtmlForm.Find(await client.GetStringAsync(url, Ct), "edit-participant");
        Assert.Equal("Academia", form.Fields[form.NameOf("edit-group")]);

        form.Fill("edit-group", "CivilSociety").Fill("edit-role", "Respondent").Fill("edit-organisation", "Patients' Rights Network")
            .Fill("edit-conflict", "");
        var refused = await HttpAssert.HtmlAsync(await client.PostAsync(url,
            new FormUrlEncodedContent(form.Fields.Append(new(form.NameOf("edit-has-conflict"), "true"))), Ct));
        Assert.Contains(HttpAssert.ValidationMessages(refused), m => m.StartsWith("Describe the conflict of interest", StringComparison.Ordinal));

        form.Fill("edit-conflict", "Board member of a hospital group.");
        using var response = await client.PostAsync(url,
            new FormUrlEncodedContent(form.Fields.Append(new(form.NameOf("edit-has-conflict"), "true"))), Ct);

        Assert.Equal($"{PageUrl(round)}?saved=true", await RedirectPathAsync(response));
        var stored = (await ParticipantsOfAsync(round)).Single(p => p.Id == observer);
        Assert.Equal(StakeholderGroup.CivilSociety, stored.Group);
        Assert.Equal(ParticipantRole.Respondent, stored.Role);
        Assert.Equal("Patients' Rights Network", stored.Organisation);
        Assert.Equal("Board member of a hospital group.", stored.ConflictOfInterest);
    }

    // ---- Inviting a new person ----

    [Fact]
    public async Task An_invited_person_sets_a_password_is_signed_in_and_finds_the_round()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var email = TestAccounts.UniqueEmail("invited");
        using var focalPoint = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var form = HtmlForm.Find(await focalPoint.GetStringAsync(PageUrl(round), Ct), AddForm)
            .Fill("add-email", email)
            .Fill("add-name", "Dr Salma Hassan")
            .Fill("add-organisation", "Cairo University")
            .Fill("add-group", "Academia")
            .Fill("add-role", "Respondent");

        var added = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await focalPoint.PostAsync(PageUrl(round), form.ToContent(), Ct)));

        var link = InvitationLink().Match(added);
        Assert.True(link.Success, "The page shows no invitation link: " + string.Join(" | ", HttpAssert.ValidationMessages(added)));
        Assert.Contains("Dr Salma Hassan", added, StringComparison.Ordinal);
        var participant = Assert.Single(await ParticipantsOfAsync(round), p => p.DisplayName == "Dr Salma Hassan");
        Assert.Equal(StakeholderGroup.Academia, participant.Group);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PathwayUser>>();
            var account = await users.FindByEmailAsync(email);
            Assert.NotNull(account);
            Assert.Equal("EGY", account.CountryIso3);
            Assert.False(await users.HasPasswordAsync(account));
            Assert.Equal([Roles.CountryContributor], await users.GetRolesAsync(account));
        }

        using var invited = factory.CreatePageClient();
        var path = new Uri(link.Groups["link"].Value).PathAndQuery;
        var page = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await invited.GetAsync(path, Ct)));
        Assert.Contains(email, page, StringComparison.Ordinal);
        var accept = HtmlForm.Find(page, "invitation").With("Input.Password", "Cairo-Salma-2026x").With("Input.Confirm", "Cairo-Salma-2026x");
        using var response = await invited.PostAsync(path, accept.ToContent(), Ct);

        Assert.Equal("/my-work", await RedirectPathAsync(response));
        var list = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await invited.GetAsync("/assessments", Ct)));
        Assert.Contains($"href=\"/assessments/{round.Id}\"", list, StringComparison.Ordinal);

        // The link works once.
        using var stranger = factory.CreatePageClient();
        var reused = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await stranger.GetAsync(path, Ct)));
        Assert.Contains("This invitation link does not work", reused, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => HtmlForm.Find(reused, "invitation"));
    }

    [Fact]
    public async Task The_api_returns_the_invitation_link_for_a_new_person()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var client = await ApiAsync(round.FocalPoint);

        using var response = await client.PostAsJsonAsync(Url(round), new
        {
            email = TestAccounts.UniqueEmail("invited"), displayName = "Mr Karim Adel", group = "PrivateSectorAssociation", role = "Respondent",
        }, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement;
        var link = new Uri(body.GetProperty("invitationLink").GetString()!);
        Assert.Equal("/account/invitation", link.AbsolutePath);
        Assert.Contains("code=", link.Query, StringComparison.Ordinal);
        Assert.True(body.GetProperty("invitationSent").GetBoolean());
        Assert.True(body.GetProperty("participant").GetProperty("invitationPending").GetBoolean());
    }

    [Fact]
    public async Task The_invitation_page_refuses_different_passwords_and_a_weak_one_and_keeps_the_link_usable()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var api = await ApiAsync(round.FocalPoint);
        using var added = await api.PostAsJsonAsync(Url(round), new
        {
            email = TestAccounts.UniqueEmail("invited"), displayName = "Ms Dina Farouk", group = "CivilSociety",
        }, Ct);
        var path = new Uri(JsonDocument.Parse(await added.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("invitationLink").GetString()!).PathAndQuery;
        using var client = factory.CreatePageClient();
        var form = HtmlForm.Find(await client.GetStringAsync(path, Ct), "invitation");

        var mismatch = await HttpAssert.HtmlAsync(await client.PostAsync(path,
            form.With("Input.Password", "Cairo-Dina-2026x").With("Input.Confirm", "Cairo-Dina-2026y").ToContent(), Ct));
        Assert.Contains("The two passwords are not the same.", HttpAssert.ValidationMessages(mismatch));

        var weak = await HttpAssert.HtmlAsync(await client.PostAsync(path,
            form.With("Input.Password", "short").With("Input.Confirm", "short").ToContent(), Ct));
        Assert.NotEmpty(HttpAssert.ValidationMessages(weak));

        using var accepted = await client.PostAsync(path,
            form.With("Input.Password", "Cairo-Dina-2026x").With("Input.Confirm", "Cairo-Dina-2026x").ToContent(), Ct);
        Assert.Equal("/my-work", await RedirectPathAsync(accepted));
    }

    [Fact]
    public async Task A_tampered_or_incomplete_invitation_link_gets_a_clear_message()
    {
        using var client = factory.CreatePageClient();
        var person = await factory.CreateUserAsync(Roles.CountryContributor, country: "EGY");

        foreach (var path in new[] { "/account/invitation", $"/account/invitation?user={person.Id}&code=abc", "/account/invitation?user=nobody&code=abc" })
        {
            var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(await client.GetAsync(path, Ct)));
            Assert.Contains("This invitation link does not work", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_person_who_never_set_a_password_gets_a_fresh_link_when_added_to_another_round()
    {
        var first = await factory.CreateRoundAsync("EGY");
        var second = await factory.CreateRoundAsync("EGY");
        var email = TestAccounts.UniqueEmail("invited");
        using var one = await ApiAsync(first.FocalPoint);
        using var two = await ApiAsync(second.FocalPoint);
        using var invited = await one.PostAsJsonAsync(Url(first), new { email, displayName = "Dr Omar Said", group = "MinistryOfHealth" }, Ct);
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        using var again = await two.PostAsJsonAsync(Url(second), new { email, group = "MinistryOfHealth" }, Ct);

        var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotNull(body.GetProperty("invitationLink").GetString());
        Assert.Equal("Dr Omar Said", body.GetProperty("participant").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_focal_point_gets_a_new_link_for_someone_who_has_not_accepted_yet()
    {
        var round = await factory.CreateRoundAsync("EGY");
        using var api = await ApiAsync(round.FocalPoint);
        using var added = await api.PostAsJsonAsync(Url(round), new
        {
            email = TestAccounts.UniqueEmail("invited"), displayName = "Eng. Tarek Nabil", group = "OtherGovernmentAgency",
        }, Ct);
        var body = JsonDocument.Parse(await added.Content.ReadAsStringAsync(Ct)).RootElement;
        var participantId = body.GetProperty("participant").GetProperty("id").GetGuid();
        Assert.True(body.GetProperty("invitationExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(6));
        using var client = await factory.CreateSignedInClientAsync(round.FocalPoint);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(PageUrl(round), Ct));
        Assert.Contains("Invitation not accepted yet", page, StringComparison.Ordinal);

        var html = WebUtility.HtmlDecode(await HttpAssert.HtmlAsync(
            await client.PostAsync(PageUrl(round), HtmlForm.Find(page, $"invite-{participantId}").ToContent(), Ct)));

        var link = InvitationLink().Match(html);
        Assert.True(link.Success, "The page shows no new invitation link.");
        using var invited = factory.CreatePageClient();
        var form = await invited.GetStringAsync(new Uri(link.Groups["link"].Value).PathAndQuery, Ct);
        Assert.Contains("Eng. Tarek Nabil", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_mail_server_configured_the_invitation_is_e_mailed_with_its_link()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var token = await factory.GetBearerTokenAsync(round.FocalPoint);
        await using var smtp = FakeSmtpServer.Start();
        await using var mailing = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Mail:Smtp:Host", "127.0.0.1")
            .UseSetting("Mail:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Mail:Smtp:EnableSsl", "false")
            .UseSetting("Mail:From", "pathway@example.org"));
        using var client = mailing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var email = TestAccounts.UniqueEmail("invited");

        using var response = await client.PostAsJsonAsync(Url(round), new { email, displayName = "Dr Hoda Mansour", group = "MinistryOfHealth" }, Ct);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(body.GetProperty("invitationSent").GetBoolean());
        var message = Assert.Single(smtp.Messages);
        Assert.Contains($"RCPT TO:<{email}>", message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("MAIL FROM:<pathway@example.org>", message, StringComparison.OrdinalIgnoreCase);
        var link = body.GetProperty("invitationLink").GetString()!;
        // UTF-8 text travels base64-encoded: the body follows the first blank line.
        var encoded = message.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", 2)[1];
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(encoded, @"\s", "")));
        Assert.True(decoded.Contains(link, StringComparison.Ordinal), $"The link {link} is not in the message:\n{decoded}");
        Assert.Contains("Dr Hoda Mansour", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_mail_server_cannot_be_reached_the_person_is_still_added_and_the_link_is_returned()
    {
        var round = await factory.CreateRoundAsync("EGY");
        var token = await factory.GetBearerTokenAsync(round.FocalPoint);
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using var mailing = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Mail:Smtp:Host", "127.0.0.1")
            .UseSetting("Mail:Smtp:Port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .UseSetting("Mail:Smtp:EnableSsl", "false")
            .UseSetting("Mail:From", "pathway@example.org"));
        using var client = mailing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.PostAsJsonAsync(Url(round),
            new { email = TestAccounts.UniqueEmail("invited"), displayName = "Dr Hoda Mansour", group = "MinistryOfHealth" }, Ct);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(body.GetProperty("invitationSent").GetBoolean());
        Assert.NotNull(body.GetProperty("invitationLink").GetString());
        Assert.Equal(5, (await ParticipantsOfAsync(round)).Count);
    }

    [GeneratedRegex(@"id=""invitation-link""[^>]*value=""(?<link>[^""]+)""")]
    private static partial Regex InvitationLink();
}
