using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Accounts;
using Pathway.Web.Assessments;
using Pathway.Web.Assessments.Evidence;
using Pathway.Web.Framework;
using Pathway.Web.Scoring;

namespace Pathway.IntegrationTests.Assessments;

/// <summary>
/// The people, rounds and signed-in clients the matrix runs against, made once per test class: a round
/// of one country in every state of the workflow (the published one with a release), each with an
/// evidence item carrying a file, and a signed-in browser and bearer token for every caller.
/// </summary>
public sealed partial class AccessWorld : IAsyncDisposable
{
    public const string Country = "EGY";
    public const string CountryRegion = "EMR";
    public const string OtherCountryIso3 = "KEN";
    public const string OtherRegion = "EUR";

    /// <summary>A valid 1×1 PNG, the smallest file the evidence checks accept.</summary>
    public static readonly byte[] PngFile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly Dictionary<Caller, HttpClient> apiClients = [];
    private readonly Dictionary<Caller, HttpClient> pageClients = [];
    private readonly Dictionary<Caller, string> antiforgeryTokens = [];
    private readonly Dictionary<Caller, TestUser> spares = [];

    private AccessWorld(PathwayAppFactory factory) => Factory = factory;

    public PathwayAppFactory Factory { get; }

    public Dictionary<Caller, TestUser> Users { get; } = [];

    public Dictionary<RoundKind, MatrixRound> Rounds { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AccessWorld> CreateAsync(PathwayAppFactory factory)
    {
        var world = new AccessWorld(factory);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var made = new Dictionary<RoundKind, TestRound>();
        foreach (var (kind, status) in new[]
        {
            (RoundKind.Draft, AssessmentStatus.Draft), (RoundKind.Open, AssessmentStatus.RatingOpen),
            (RoundKind.Consensus, AssessmentStatus.Consensus), (RoundKind.Submitted, AssessmentStatus.Submitted),
            (RoundKind.Returned, AssessmentStatus.Returned), (RoundKind.Validated, AssessmentStatus.Validated),
            (RoundKind.Published, AssessmentStatus.Validated),
        })
        {
            made[kind] = await Factory.CreateRoundAsync(Country, status);
        }

        // The people of the first round take the same part in every other round, so one caller answers for all.
        var first = made[RoundKind.Draft];
        Users[Caller.FocalPoint] = first.FocalPoint;
        Users[Caller.Facilitator] = first.Facilitator;
        Users[Caller.Respondent] = first.PublicRespondent;
        Users[Caller.Observer] = first.Observer;
        Users[Caller.Contributor] = await Factory.CreateUserAsync(Roles.CountryContributor, country: Country);
        Users[Caller.Administrator] = await Factory.CreateUserAsync(Roles.Administrator);
        Users[Caller.RegionalOfficer] = await Factory.CreateUserAsync(Roles.RegionalOfficer, region: CountryRegion);
        Users[Caller.Reviewer] = await Factory.CreateUserAsync(Roles.Reviewer, region: CountryRegion);
        Users[Caller.OtherReviewer] = await Factory.CreateUserAsync(Roles.Reviewer, region: OtherRegion);
        Users[Caller.OtherCountry] = await Factory.CreateUserAsync(Roles.CountryFocalPoint, country: OtherCountryIso3);
        Users[Caller.ContentEditor] = await Factory.CreateUserAsync(Roles.ContentEditor);
        foreach (var caller in Enum.GetValues<Caller>())
        {
            // People to add to and remove from rounds, one per caller so no two cells share one.
            spares[caller] = await Factory.CreateUserAsync(Roles.CountryContributor, country: Country);
        }

        foreach (var round in made.Values.Where(round => round != first))
        {
            await JoinAsync(round, Users[Caller.Facilitator], ParticipantRole.Facilitator, StakeholderGroup.MinistryOfHealth);
            await JoinAsync(round, Users[Caller.Respondent], ParticipantRole.Respondent, StakeholderGroup.MinistryOfHealth);
            await JoinAsync(round, Users[Caller.Observer], ParticipantRole.Observer, StakeholderGroup.Academia);
        }
        foreach (var (kind, round) in made)
        {
            Rounds[kind] = await DescribeAsync(kind, round);
        }
        await PublishAsync(Rounds[RoundKind.Published]);

        foreach (var (caller, user) in Users)
        {
            var api = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Factory.GetBearerTokenAsync(user));
            apiClients[caller] = api;
            pageClients[caller] = await Factory.CreateSignedInClientAsync(user);
        }
        apiClients[Caller.Anonymous] = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        pageClients[Caller.Anonymous] = Factory.CreatePageClient();
    }

    public HttpClient ApiClient(Caller caller) => apiClients[caller];

    public HttpClient PageClient(Caller caller) => pageClients[caller];

    /// <summary>
    /// The caller's antiforgery token: signed-in pages carry one in the layout's sign-out form, the
    /// login page carries one for anonymous visitors.
    /// </summary>
    public async Task<string> AntiforgeryTokenAsync(Caller caller)
    {
        if (antiforgeryTokens.TryGetValue(caller, out var known))
        {
            return known;
        }
        var page = caller == Caller.Anonymous ? "/account/login" : "/";
        var html = await PageClient(caller).GetStringAsync(page, Ct);
        var token = HtmlForm.All(html).Select(form => form.Fields.GetValueOrDefault("__RequestVerificationToken"))
            .FirstOrDefault(value => !string.IsNullOrEmpty(value))
            ?? throw new InvalidOperationException($"{page} carries no antiforgery token for {caller}.");
        antiforgeryTokens[caller] = token;
        return token;
    }

    /// <summary>
    /// A page's form as it would be posted by the cell's caller: the fields as <paramref name="insider"/>
    /// sees them on the round (or just the form name when the insider is not shown that form now), with the
    /// caller's own antiforgery token — what someone outside the round would have to forge.
    /// </summary>
    public async Task<HttpContent> FormAsync(Cell cell, string url, string formName, Caller insider)
    {
        ArgumentNullException.ThrowIfNull(cell);
        using var page = await PageClient(insider).GetAsync(url, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var form = HtmlForm.All(html).FirstOrDefault(candidate => candidate.Fields.GetValueOrDefault("_handler") == formName);
        var fields = form?.Fields.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal) { ["_handler"] = formName };
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(cell.Caller);
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>A participant row for this cell's spare person (to be removed by the cell).</summary>
    public async Task<Guid> AddSpareParticipantAsync(Cell cell)
    {
        var participant = await JoinAsync(cell.Round.Round, spares[cell.Caller], ParticipantRole.Observer, StakeholderGroup.Academia);
        return participant.Id;
    }

    /// <summary>A link evidence item on the round's first mechanism (to be removed by the cell).</summary>
    public async Task<Guid> AddLinkEvidenceAsync(Cell cell)
    {
        await using var scope = Factory.OpenSystemDb();
        var item = new EvidenceItem
        {
            AssessmentId = cell.Round.Id,
            CountryIso3 = Country,
            Links = { TestEvidence.Supports(cell.Round.Id, Country, cell.Round.MechanismCode) },
            Type = EvidenceType.Report,
            Title = $"Link {cell.Unique}",
            Url = "https://example.org/report",
            AddedById = Users[Caller.FocalPoint].Id,
            AddedByName = "Focal point",
            AddedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.Evidence.Add(item);
        await scope.Db.SaveChangesAsync(Ct);
        return item.Id;
    }

    /// <summary>How many audit entries the round has: a refused request must not add one.</summary>
    public async Task<int> AuditCountAsync(Guid roundId)
    {
        await using var scope = Factory.OpenSystemDb();
        return await scope.Db.AuditEntries.IgnoreQueryFilters().CountAsync(entry => entry.AssessmentId == roundId, Ct);
    }

    /// <summary>The round's workflow fields, to put back after a cell moved it.</summary>
    public async Task<RoundState> StateOfAsync(Guid roundId)
    {
        await using var scope = Factory.OpenSystemDb();
        var round = await scope.Db.Assessments.IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == roundId, Ct);
        return new RoundState(round.Status, round.Revision, round.Submissions, round.FirstSubmittedAt, round.Version);
    }

    /// <summary>Puts a round's workflow fields back as they were (a cell that moved it must not change what later cells see).</summary>
    public async Task RestoreAsync(Guid roundId, RoundState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        await using var scope = Factory.OpenSystemDb();
        var round = await scope.Db.Assessments.IgnoreQueryFilters().SingleAsync(a => a.Id == roundId, Ct);
        if (round.Status == state.Status && round.Revision == state.Revision && round.Submissions == state.Submissions)
        {
            return;
        }
        var entry = scope.Db.Entry(round);
        entry.Property(a => a.Status).CurrentValue = state.Status;
        entry.Property(a => a.Revision).CurrentValue = state.Revision;
        entry.Property(a => a.Submissions).CurrentValue = state.Submissions;
        entry.Property(a => a.FirstSubmittedAt).CurrentValue = state.FirstSubmittedAt;
        await scope.Db.SaveChangesAsync(Ct);
    }

    private async Task<Participant> JoinAsync(TestRound round, TestUser user, ParticipantRole role, StakeholderGroup group)
    {
        await using var scope = Factory.OpenSystemDb();
        var participant = new Participant
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            UserId = user.Id,
            DisplayName = user.Email,
            Group = group,
            Role = role,
            AddedAt = DateTimeOffset.UtcNow,
        };
        scope.Db.Participants.Add(participant);
        await scope.Db.SaveChangesAsync(Ct);
        return participant;
    }

    /// <summary>Reads the round's title and observer, and gives it a public evidence item with a PNG file.</summary>
    private async Task<MatrixRound> DescribeAsync(RoundKind kind, TestRound round)
    {
        await using var scope = Factory.OpenSystemDb();
        var db = scope.Db;
        var title = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id).Select(a => a.Title).SingleAsync(Ct);
        var observer = await db.Participants.IgnoreQueryFilters()
            .Where(p => p.AssessmentId == round.Id && p.UserId == round.Observer.Id).Select(p => p.Id).SingleAsync(Ct);
        var code = round.MechanismCodes[0];
        var file = new EvidenceFile { CountryIso3 = round.Country, Content = PngFile, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(PngFile)) };
        var item = new EvidenceItem
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Country,
            Links = { TestEvidence.Supports(round.Id, round.Country, code) },
            Type = EvidenceType.Law,
            Title = $"Licensing law {kind}",
            Date = new DateOnly(2024, 3, 1),
            Issuer = "Ministry of Health",
            IsPublic = true,
            FileId = file.Id,
            File = file,
            FileName = "law.png",
            FileType = EvidenceFileType.Png,
            FileSize = PngFile.Length,
            AddedById = round.FocalPoint.Id,
            AddedByName = "Focal point",
            AddedAt = DateTimeOffset.UtcNow,
        };
        db.Evidence.Add(item);
        await db.SaveChangesAsync(Ct);
        return new MatrixRound(kind, round, title, code, code.Split('.')[0], item.Id, observer, 1);
    }

    /// <summary>
    /// Publishes revision 1 with everything public, as the focal point's sign-off would: the release and its rows
    /// for dashboards and open data (level 2 for the round's first mechanism, as agreed).
    /// </summary>
    private async Task PublishAsync(MatrixRound round)
    {
        await Factory.MoveRoundAsync(round.Round, AssessmentStatus.Published);
        await using var scope = Factory.OpenSystemDb();
        var db = scope.Db;
        var version = await db.Assessments.IgnoreQueryFilters().Where(a => a.Id == round.Id)
            .Select(a => a.FrameworkVersion!.Version).SingleAsync(Ct);
        var snapshot = new ReleaseSnapshot(
            round.Title, version, nameof(AssessmentScope.National), null, nameof(AssessmentPurpose.TakeStock),
            [new BehaviourSnapshot(round.BehaviourCode, 2m, "Rated", "2", 1, 0, 0, 0)],
            [new MechanismSnapshot(round.MechanismCode, round.BehaviourCode, "Rated", 2, "Agreed in the test workshop.")],
            [new EvidenceSnapshot(round.EvidenceId, round.MechanismCode, nameof(EvidenceType.Law), $"Licensing law {round.Kind}",
                new DateOnly(2024, 3, 1), "Ministry of Health", null, "law.png", HasFile: true)]);
        var release = new PublishedRelease
        {
            AssessmentId = round.Id,
            CountryIso3 = round.Round.Country,
            Revision = round.Revision,
            Choices = new PublicationChoices(true, true, true, true),
            Snapshot = snapshot,
            RuleVersion = ScoringRule.Version,
            SignedOffById = round.Round.FocalPoint.Id,
            SignedOffByName = "Focal point",
            SignedOffAt = DateTimeOffset.UtcNow,
        };
        db.PublishedReleases.Add(release);
        await using var services = Factory.Services.CreateAsyncScope();
        var tree = await services.ServiceProvider.GetRequiredService<FrameworkReader>().TreeAsync(version, Ct)
            ?? throw new InvalidOperationException($"The framework version {version} has no tree.");
        db.PublishedResults.AddRange(PublishedResult.From(release, tree, CountryRegion, release.SignedOffAt.Year, isDemonstration: false));
        await db.SaveChangesAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in apiClients.Values.Concat(pageClients.Values))
        {
            client.Dispose();
        }
        await Task.CompletedTask;
    }
}

/// <summary>A round's workflow fields at one moment.</summary>
public sealed record RoundState(AssessmentStatus Status, int Revision, int Submissions, DateTimeOffset? FirstSubmittedAt, int Version);
