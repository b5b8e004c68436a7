using Pathway.Web.Localization;
using Pathway.Web.Planning;
using Pathway.Web.Scoring;

namespace Pathway.UnitTests.Planning;

/// <summary>How catalogue actions are fitted to a round's context and which steps a mechanism's answer calls for.</summary>
public class RecommenderFitTests
{
    private static CatalogueAction Action(string code, Effort effort, int months, params (PlanningContext Context, ContextFit Fit)[] notes) => new(
        code, "DS.1", 1, LocalizedText.English($"Do {code}."), ActionType.PolicyOrStrategy, effort, months,
        [LocalizedText.English("facilitation")],
        [.. notes.Select(note => new ContextNote(note.Context, note.Fit, LocalizedText.English($"{note.Fit} in {note.Context}.")))]);

    private static HashSet<PlanningContext> Contexts(params PlanningContext[] contexts) => [.. contexts];

    private static readonly IReadOnlyList<CatalogueAction> Step =
    [
        Action("a", Effort.High, 24, (PlanningContext.Fragile, ContextFit.Avoid)),
        Action("b", Effort.Low, 6, (PlanningContext.LargePrivateShare, ContextFit.Prefer)),
        Action("c", Effort.Low, 3, (PlanningContext.Fragile, ContextFit.Adapt)),
        Action("d", Effort.Medium, 3),
        Action("e", Effort.Low, 3, (PlanningContext.Federal, ContextFit.Prefer), (PlanningContext.Emergency, ContextFit.Avoid)),
    ];

    private static IEnumerable<string> Codes(IEnumerable<RecommendedAction> actions) => actions.Select(action => action.Code);

    [Fact]
    public void Without_context_lighter_effort_then_shorter_horizon_then_catalogue_order_comes_first()
    {
        var (recommended, setAside) = RecommendationFit.Fit(Step, Contexts());

        Assert.Equal(["c", "e", "b", "d", "a"], Codes(recommended));
        Assert.Empty(setAside);
        Assert.All(recommended, action => Assert.Empty(action.AppliedNotes));
        Assert.All(recommended, action => Assert.False(action.Preferred));
    }

    [Fact]
    public void An_action_to_avoid_in_an_active_context_is_set_aside_with_its_note()
    {
        var (recommended, setAside) = RecommendationFit.Fit(Step, Contexts(PlanningContext.Fragile));

        Assert.Equal(["c", "e", "b", "d"], Codes(recommended));
        var aside = Assert.Single(setAside);
        Assert.Equal("a", aside.Code);
        Assert.Equal(ContextFit.Avoid, Assert.Single(aside.AppliedNotes).Fit);
        Assert.Equal(PlanningContext.Fragile, Assert.Single(recommended[0].AppliedNotes).Context);
    }

    [Fact]
    public void A_preferred_action_comes_first_whatever_its_effort()
    {
        var (recommended, _) = RecommendationFit.Fit(Step, Contexts(PlanningContext.LargePrivateShare));

        Assert.Equal(["b", "c", "e", "d", "a"], Codes(recommended));
        Assert.True(recommended[0].Preferred);
        Assert.False(recommended[1].Preferred);
    }

    [Fact]
    public void Avoid_in_one_active_context_outweighs_Prefer_in_another()
    {
        var (recommended, setAside) = RecommendationFit.Fit(Step, Contexts(PlanningContext.Federal, PlanningContext.Emergency));

        Assert.DoesNotContain("e", Codes(recommended));
        var aside = Assert.Single(setAside);
        Assert.Equal("e", aside.Code);
        Assert.Equal(2, aside.AppliedNotes.Count);
    }

    [Fact]
    public void Only_notes_of_active_contexts_are_applied()
    {
        var (recommended, _) = RecommendationFit.Fit(Step, Contexts(PlanningContext.Workforce, PlanningContext.Fragile));

        Assert.All(recommended, action => Assert.All(action.AppliedNotes, note => Assert.Equal(PlanningContext.Fragile, note.Context)));
    }

    [Fact]
    public void Set_aside_actions_keep_catalogue_order()
    {
        IReadOnlyList<CatalogueAction> step =
        [
            Action("x", Effort.Low, 3, (PlanningContext.Fragile, ContextFit.Avoid)),
            Action("y", Effort.High, 1),
            Action("z", Effort.Low, 1, (PlanningContext.LowIncome, ContextFit.Avoid)),
        ];

        var (_, setAside) = RecommendationFit.Fit(step, Contexts(PlanningContext.LowIncome, PlanningContext.Fragile));

        Assert.Equal(["x", "z"], Codes(setAside));
    }

    public static TheoryData<string, int?, int?[]> Answers => new()
    {
        { "Rated 1", null, [1] },
        { "Rated 1", 1, [1] },
        { "Rated 1", 2, [1] },
        { "Rated 1", 3, [1, 2] },
        { "Rated 1", 4, [1, 2, 3] },
        { "Rated 2", 3, [2] },
        { "Rated 2", 2, [2] },
        { "Rated 3", null, [3] },
        { "Rated 3", 4, [3] },
        { "Rated 3", 5, [3] },
        { "Rated 4", null, [] },
        { "Rated 4", 4, [] },
        { "InsufficientInformation", null, [null] },
        { "DontKnow", 3, [null] },
        { "NotAssessed", null, [null] },
        { "NotApplicable", 3, [] },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void The_steps_follow_the_agreed_answer_and_target(string answer, int? target, int?[] steps)
    {
        var parsed = answer.StartsWith("Rated", StringComparison.Ordinal)
            ? MechanismAnswer.Rated(int.Parse(answer[6..], System.Globalization.CultureInfo.InvariantCulture))
            : MechanismAnswer.From(Enum.Parse<MechanismAnswerState>(answer), null);

        Assert.Equal(steps, RecommendationFit.StepsFor(parsed, target));
    }
}
