using Pathway.Web.Planning;

namespace Pathway.UnitTests.Planning;

/// <summary>The plan's pure rules: open and overdue, the levels an item may span, endorsement blockers, carry-over.</summary>
public class PlanRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static ActionItem Item(string code, ActionStatus status, string what = "An action") => new()
    {
        AssessmentId = Guid.NewGuid(),
        CountryIso3 = "EGY",
        MechanismCode = code,
        What = what,
        Status = status,
    };

    private static ActionItemView View(ActionStatus status, string? organisation, DateOnly? due, string code = "DS.1") => new(
        Guid.NewGuid(), code, null, "Draft the strategy", null, organisation, null, null, due, null, null, null, null, null,
        status, null, false, false, DateTimeOffset.UnixEpoch, 1, []);

    [Theory]
    [InlineData(ActionStatus.NotStarted, true)]
    [InlineData(ActionStatus.OnTrack, true)]
    [InlineData(ActionStatus.Delayed, true)]
    [InlineData(ActionStatus.Done, false)]
    [InlineData(ActionStatus.Dropped, false)]
    public void Done_and_dropped_are_closed_every_other_status_is_open(ActionStatus status, bool open) =>
        Assert.Equal(open, PlanRules.IsOpen(status));

    [Theory]
    [InlineData(-1, ActionStatus.NotStarted, true)]
    [InlineData(-30, ActionStatus.Delayed, true)]
    [InlineData(0, ActionStatus.OnTrack, false)]
    [InlineData(1, ActionStatus.NotStarted, false)]
    [InlineData(-1, ActionStatus.Done, false)]
    [InlineData(-1, ActionStatus.Dropped, false)]
    public void An_open_action_is_overdue_from_the_day_after_its_due_date(int dueInDays, ActionStatus status, bool overdue) =>
        Assert.Equal(overdue, PlanRules.IsOverdue(Today.AddDays(dueInDays), status, Today));

    [Fact]
    public void An_action_without_a_due_date_is_never_overdue() =>
        Assert.False(PlanRules.IsOverdue(null, ActionStatus.Delayed, Today));

    [Fact]
    public void Today_is_the_utc_date_of_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 3, 15, 23, 30, 0, TimeSpan.FromHours(-5)));

        Assert.Equal(new DateOnly(2026, 3, 16), PlanRules.Today(clock));
    }

    [Theory]
    [InlineData(2, 3, 2, null)]
    [InlineData(null, null, 2, null)]
    [InlineData(null, 4, null, null)]
    [InlineData(1, 4, 1, null)]
    [InlineData(3, 3, 2, LevelProblem.NotAbove)]
    [InlineData(3, 2, 1, LevelProblem.NotAbove)]
    [InlineData(0, 2, null, LevelProblem.FromOutOfRange)]
    [InlineData(2, 5, 2, LevelProblem.ToOutOfRange)]
    [InlineData(1, 2, 3, LevelProblem.BelowAgreed)]
    [InlineData(null, 2, 3, LevelProblem.BelowAgreed)]
    [InlineData(3, 4, 3, null)]
    public void Levels_go_up_within_1_to_4_and_never_aim_below_the_agreed_level(int? from, int? to, int? agreed, LevelProblem? problem) =>
        Assert.Equal(problem, PlanRules.CheckLevels(from, to, agreed));

    [Theory]
    [InlineData(2, 3, 3)]
    [InlineData(2, 4, 4)]
    [InlineData(2, null, 3)]
    [InlineData(2, 2, 3)]
    [InlineData(3, 2, 4)]
    [InlineData(4, 4, null)]
    [InlineData(4, null, null)]
    [InlineData(null, null, null)]
    public void An_action_from_the_catalogue_aims_for_the_target_else_the_next_level(int? agreed, int? target, int? aimed) =>
        Assert.Equal(aimed, PlanRules.AimedLevel(agreed, target));

    [Fact]
    public void Endorsement_is_blocked_by_open_actions_without_an_owner_or_a_due_date()
    {
        var complete = View(ActionStatus.OnTrack, "Ministry of Health", Today);
        var noOwner = View(ActionStatus.NotStarted, "  ", Today, "DS.2");
        var nothing = View(ActionStatus.Delayed, null, null, "DS.3");
        var closed = View(ActionStatus.Dropped, null, null);

        var blockers = PlanRules.EndorsementBlockers([complete, noOwner, nothing, closed]);

        Assert.Equal(
            [new EndorsementBlocker(noOwner.Id, "DS.2", "Draft the strategy", true, false), new EndorsementBlocker(nothing.Id, "DS.3", "Draft the strategy", true, true)],
            blockers);
    }

    [Fact]
    public void Carry_over_keeps_open_actions_of_mechanisms_still_in_the_framework_in_their_order()
    {
        var first = Item("DS.1", ActionStatus.Delayed, "first");
        var done = Item("DS.1", ActionStatus.Done);
        var dropped = Item("DS.2", ActionStatus.Dropped);
        var second = Item("DS.2", ActionStatus.NotStarted, "second");
        var retired = Item("OLD.1", ActionStatus.OnTrack, "retired");
        var retiredDone = Item("OLD.1", ActionStatus.Done);

        var selection = PlanRules.SelectCarryOver([first, done, dropped, second, retired, retiredDone], new HashSet<string> { "DS.1", "DS.2" });

        Assert.Equal([first, second], selection.Carried);
        Assert.Equal([retired], selection.NotCarried);
    }

    [Fact]
    public void Shorten_cuts_a_long_text_at_a_word()
    {
        Assert.Equal("short", PlanViews.Shorten("short", 10));
        Assert.Equal("Convene the…", PlanViews.Shorten("Convene the associations of private hospitals", 15));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
