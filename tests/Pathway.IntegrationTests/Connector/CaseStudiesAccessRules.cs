using System.Runtime.CompilerServices;
using Pathway.IntegrationTests.Assessments;
using Pathway.IntegrationTests.Infrastructure;
using Pathway.Web.Connector;
using Pathway.Web.Connector.CaseStudies;
using Pathway.Web.Connector.Profiles;
using Pathway.Web.Localization;
using static Pathway.IntegrationTests.Assessments.AccessGrids;

namespace Pathway.IntegrationTests.Connector;

/// <summary>
/// Issue 11 §2 and §3 in the access matrix: case studies (pages and API) and country profiles. Case studies are
/// not rounds, so each row of a grid stands for a case study of the matrix's country (EGY) in one moderation state:
/// the Draft row a draft, the Open row one in review, the Consensus row a withdrawn one, and the other rows a
/// published one. Unpublished case studies are seen by the country's people (FP Fa Re Ob Co) and the editors
/// (CE, and administrators, who moderate too) and are 404 to everyone else; published ones are public, and those
/// who are not their own people get 403 for changes. Profiles are public; their figures are recorded by the
/// country's people and editors only.
/// </summary>
public static class CaseStudiesAccessRules
{
    //                                                   FP Fa Re Ob Co Ad RO Rv OR OC CE An

    /// <summary>Reading one: its own people always, everyone once published.</summary>
    private static readonly AccessGrid Reads = new(
        Draft: /*      a draft                         */ "A  A  A  A  A  A  N  N  N  N  A  N",
        Open: /*       in review                       */ "A  A  A  A  A  A  N  N  N  N  A  N",
        Consensus: /*  withdrawn                       */ "A  A  A  A  A  A  N  N  N  N  A  N",
        Submitted: /*  published                       */ "A  A  A  A  A  A  A  A  A  A  A  A",
        Returned: /*                                   */ "A  A  A  A  A  A  A  A  A  A  A  A",
        Validated: /*                                  */ "A  A  A  A  A  A  A  A  A  A  A  A",
        Published: /*                                  */ "A  A  A  A  A  A  A  A  A  A  A  A");

    /// <summary>The edit page and PUT: its people edit drafts; editors also in review and published; nobody a withdrawn one.</summary>
    private static readonly AccessGrid Edits = new(
        Draft: /*                                      */ "A  A  A  A  A  A  N  N  N  N  A  S",
        Open: /*                                       */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Consensus: /*                                  */ "F  F  F  F  F  F  N  N  N  N  F  S",
        Submitted: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Returned: /*                                   */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Validated: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Published: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S");

    /// <summary>Grading: editors only (a withdrawn one answers them 400, or on the page no form).</summary>
    private static readonly AccessGrid Grades = new(
        Draft: /*                                      */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Open: /*                                       */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Consensus: /*  400 to editors: withdrawn       */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Submitted: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Returned: /*                                   */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Validated: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Published: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S");

    /// <summary>The grading page: editors get the form; on a withdrawn one nobody does.</summary>
    private static readonly AccessGrid GradePage = Grades with { Consensus = "F  F  F  F  F  F  N  N  N  N  F  S" };

    /// <summary>
    /// Moderation moves, one per row: a draft submitted (its people may), one in review published (editors; ungraded, so
    /// 400), a withdrawn one back to draft and a published one withdrawn (editors).
    /// </summary>
    private static readonly AccessGrid Moves = new(
        Draft: /*      submit                          */ "A  A  A  A  A  A  N  N  N  N  A  S",
        Open: /*       publish (400: not graded)       */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Consensus: /*  back to draft                   */ "F  F  F  F  F  A  N  N  N  N  A  S",
        Submitted: /*  withdraw                        */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Returned: /*                                   */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Validated: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S",
        Published: /*                                  */ "F  F  F  F  F  A  F  F  F  F  A  S");

    /// <summary>
    /// A case study page's form posted by people who are not shown it: unpublished, as for one that does not exist
    /// (404, nothing written); published, the page renders no form for them and Blazor answers 400 (counted as A).
    /// </summary>
    private static readonly AccessGrid OutsidersPosting = new(
        Draft: /*                                      */ "-  -  -  -  -  -  U  U  U  U  -  S",
        Open: /*                                       */ "-  -  -  -  -  -  U  U  U  U  -  S",
        Consensus: /*                                  */ "-  -  -  -  -  -  U  U  U  U  -  S",
        Submitted: /*                                  */ "-  -  -  -  -  -  A  A  A  A  -  S",
        Returned: /*                                   */ "-  -  -  -  -  -  A  A  A  A  -  S",
        Validated: /*                                  */ "-  -  -  -  -  -  A  A  A  A  -  S",
        Published: /*                                  */ "-  -  -  -  -  -  A  A  A  A  -  S");

    /// <summary>The public page's own form (moves) posted by anyone outside: no page for unpublished, no form once published.</summary>
    private static readonly AccessGrid OutsidersPostingPublic = OutsidersPosting with
    {
        Draft = "-  -  -  -  -  -  U  U  U  U  -  U",
        Open = "-  -  -  -  -  -  U  U  U  U  -  U",
        Consensus = "-  -  -  -  -  -  U  U  U  U  -  U",
        Submitted = "-  -  -  -  -  -  A  A  A  A  -  A",
        Returned = "-  -  -  -  -  -  A  A  A  A  -  A",
        Validated = "-  -  -  -  -  -  A  A  A  A  -  A",
        Published = "-  -  -  -  -  -  A  A  A  A  -  A",
    };

    private static readonly AccessGrid Everyone = AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  A");
    private static readonly AccessGrid SignedIn = AccessGrid.All("A  A  A  A  A  A  A  A  A  A  A  S");

    /// <summary>Writing a case study or a figure of the country: its people and the editors; 403 to the others signed in.</summary>
    private static readonly AccessGrid CountryWrites = AccessGrid.All("A  A  A  A  A  A  F  F  F  F  A  S");

    /// <summary>A proposal from a round id and item id that do not exist: 404 to everyone signed in.</summary>
    private static readonly AccessGrid NoSuchItem = AccessGrid.All("N  N  N  N  N  N  N  N  N  N  N  S");

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Case studies: pages.
        Get("/case-studies", Everyone),
        Form("/case-studies", "none", Caller.Anonymous, AccessGrid.All("-  -  -  -  -  -  -  -  -  A  A  A")),
        Get("/case-studies/new", SignedIn),
        Form("/case-studies/new", "case-study", Caller.FocalPoint, SignedIn),
        ForCaseStudy(Get("/case-studies/{Id:guid}", Reads)),
        ForCaseStudy(Form("/case-studies/{Id:guid}", "case-study-move", Caller.FocalPoint, OutsidersPostingPublic)),
        ForCaseStudy(Get("/case-studies/{Id:guid}/edit", Edits) with { Shows = "case-study-form" }),
        ForCaseStudy(Form("/case-studies/{Id:guid}/edit", "case-study", Caller.FocalPoint, OutsidersPosting)),
        ForCaseStudy(Get("/case-studies/{Id:guid}/grade", GradePage) with { Shows = "case-study-grade-form" }),
        ForCaseStudy(Form("/case-studies/{Id:guid}/grade", "case-study-grade", Caller.ContentEditor, OutsidersPosting)),

        // Case studies: API.
        Get("/api/case-studies", Everyone),
        ForCaseStudy(Get("/api/case-studies/{id:guid}", Reads)),
        Get("/api/case-studies/proposal", NoSuchItem) with
        {
            Query = "assessmentId=00000000-0000-0000-0000-000000000001&actionItemId=00000000-0000-0000-0000-000000000002",
        },
        Json("POST", "/api/case-studies", CountryWrites, cell => Body(cell)),
        FreshCaseStudy(Json("PUT", "/api/case-studies/{id:guid}", Edits, cell => Body(cell))),
        FreshCaseStudy(Json("PUT", "/api/case-studies/{id:guid}/grade", Grades, _ => new { strength = "Anecdotal", version = 0 })),
        FreshCaseStudy(Json("POST", "/api/case-studies/{id:guid}/moves", Moves, cell => new { to = MoveFor(cell.Kind), version = 0 })),

        // Country profiles.
        // The profile is public; its partnerships section names the non-public partnership only to those who may read it.
        Get("/countries/{Iso3}", PartnershipsAccessRules.Lists) with { Fresh = PartnershipsAccessRules.WithPartnershipsAsync },
        Form("/countries/{Iso3}", "none", Caller.Anonymous, Everyone),
        Get("/countries/{Iso3}/figures/new", CountryWrites) with { Shows = "profile-figure-form" },
        Form("/countries/{Iso3}/figures/new", "profile-figure", Caller.FocalPoint, SignedIn),
        ForFigure(Get("/countries/{Iso3}/figures/{FigureId:guid}", CountryWrites) with { Shows = "profile-figure-form" }),
        ForFigure(Form("/countries/{Iso3}/figures/{FigureId:guid}", "profile-figure", Caller.FocalPoint, SignedIn)),
        Get("/api/countries/{iso3}/profile", Everyone),
        Json("POST", "/api/countries/{iso3}/profile/figures", CountryWrites, _ => Share(1)),
        FreshFigure(Json("PUT", "/api/countries/{iso3}/profile/figures/{figureId:guid}", CountryWrites, _ => Share(1))),
    ];

    /// <summary>The moderation state a grid row stands for.</summary>
    public static ModerationState StateFor(RoundKind kind) => kind switch
    {
        RoundKind.Draft => ModerationState.Draft,
        RoundKind.Open => ModerationState.InReview,
        RoundKind.Consensus => ModerationState.Withdrawn,
        _ => ModerationState.Published,
    };

    private static string MoveFor(RoundKind kind) => StateFor(kind) switch
    {
        ModerationState.Draft => nameof(ModerationState.InReview),
        ModerationState.InReview => nameof(ModerationState.Published),
        ModerationState.Withdrawn => nameof(ModerationState.Draft),
        _ => nameof(ModerationState.Withdrawn),
    };

    private static object Body(Cell cell) => new
    {
        countryIso3 = AccessWorld.Country,
        fromYear = 2020,
        title = new { en = $"Matrix case study {cell.Unique}" },
        problem = new { en = "The problem." },
        whatWasDone = new { en = "What was done." },
        mechanisms = new[] { cell.Round.MechanismCode },
        version = 0,
    };

    private static object Share(int revision) => new
    {
        indicator = "PrivateShareOutpatient", value = 40.5m, year = 2022, source = "Matrix source", revision,
    };

    private static readonly ConditionalWeakTable<AccessWorld, Dictionary<ModerationState, Guid>> Shared = [];
    private static readonly ConditionalWeakTable<AccessWorld, StrongBox<Guid>> SharedFigures = [];
    private static readonly SemaphoreSlim Making = new(1, 1);

    /// <summary>Reads (and page forms) share one case study per state and world.</summary>
    private static AccessRule ForCaseStudy(AccessRule rule) => rule with
    {
        Fresh = async cell =>
        {
            await Making.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                var made = Shared.GetOrCreateValue(cell.World);
                var state = StateFor(cell.Kind);
                if (!made.TryGetValue(state, out var id))
                {
                    made[state] = id = await AddCaseStudyAsync(cell.World, state);
                }
                return Values("id", id);
            }
            finally
            {
                Making.Release();
            }
        },
    };

    /// <summary>Writes get a case study of their own per cell.</summary>
    private static AccessRule FreshCaseStudy(AccessRule rule) => rule with
    {
        Fresh = async cell => Values("id", await AddCaseStudyAsync(cell.World, StateFor(cell.Kind))),
    };

    private static AccessRule ForFigure(AccessRule rule) => rule with
    {
        Fresh = async cell =>
        {
            await Making.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                var box = SharedFigures.GetOrCreateValue(cell.World);
                if (box.Value == Guid.Empty)
                {
                    box.Value = await AddFigureAsync(cell.World);
                }
                return Values("figureId", box.Value);
            }
            finally
            {
                Making.Release();
            }
        },
    };

    private static AccessRule FreshFigure(AccessRule rule) => rule with
    {
        Fresh = async cell => Values("figureId", await AddFigureAsync(cell.World)),
    };

    /// <summary>A case study of the matrix's country in the given state, written as the system (no author).</summary>
    public static async Task<Guid> AddCaseStudyAsync(AccessWorld world, ModerationState state)
    {
        ArgumentNullException.ThrowIfNull(world);
        await using var scope = world.Factory.OpenSystemDb();
        var study = new CaseStudy
        {
            CountryIso3 = AccessWorld.Country,
            FromYear = 2020,
            Title = LocalizedText.English($"Matrix case study {state} {TestAccounts.UniqueSuffix()}"),
            Problem = LocalizedText.English("The problem."),
            WhatWasDone = LocalizedText.English("What was done."),
            Results = LocalizedText.English(""),
            Lessons = LocalizedText.English(""),
            DoneDifferently = LocalizedText.English(""),
            State = state,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            UpdatedAt = TimeProvider.System.GetUtcNow(),
            Tags = [new CaseStudyTag { Facet = TagFacet.Mechanism, Value = world.Rounds[RoundKind.Draft].MechanismCode }],
        };
        scope.Db.Add(study);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return study.Id;
    }

    private static async Task<Guid> AddFigureAsync(AccessWorld world)
    {
        await using var scope = world.Factory.OpenSystemDb();
        var figure = new ProfileFigure
        {
            FigureId = Guid.CreateVersion7(),
            Revision = 1,
            CountryIso3 = AccessWorld.Country,
            Indicator = ProfileIndicator.KeyLaw,
            Text = $"Matrix law {TestAccounts.UniqueSuffix()}",
            Year = 2020,
            Source = "Matrix source",
            RecordedByName = "Matrix",
            RecordedAt = TimeProvider.System.GetUtcNow(),
        };
        scope.Db.Add(figure);
        await scope.Db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return figure.FigureId;
    }
}

/// <summary>Case studies and country profiles (issue 11 §2–3), API and pages, as the matrix says.</summary>
public class CaseStudiesAccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public Task Case_studies_and_profiles_answer_every_caller_as_the_matrix_says() =>
        AccessMatrixRunner.AssertAsync(fixture.World, CaseStudiesAccessRules.All);
}
