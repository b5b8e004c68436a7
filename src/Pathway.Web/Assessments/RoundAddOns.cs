namespace Pathway.Web.Assessments;

/// <summary>A tab in a round's header: its key (matched against the page's active tab), its path under the round's address, its label.</summary>
public sealed record RoundTab(string Key, string Path, string Label);

/// <summary>A link under the round's address ("plan" is /assessments/{id}/plan).</summary>
public sealed record RoundLink(string Path, string Label);

/// <summary>A section on the round's workspace: its element id, heading, a line of introduction and its links.</summary>
public sealed record RoundSection(string Id, string Title, string Intro, IReadOnlyList<RoundLink> Links);

/// <summary>
/// What a later feature (decision support) adds to a round's pages: a tab in the header and a section on the
/// workspace. Features register one as a service, so Assessments shows them without naming those features
/// (dependencies between folders go one way).
/// </summary>
public interface IRoundAddOn
{
    /// <summary>The tab for this round, or null when the feature has nothing to show yet.</summary>
    RoundTab? TabFor(Round round);

    /// <summary>The workspace section for this round, or null.</summary>
    RoundSection? SectionFor(Round round);
}
