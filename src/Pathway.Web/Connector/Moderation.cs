namespace Pathway.Web.Connector;

/// <summary>Where a piece of shared content (a resource, a case study) stands; only <see cref="Published"/> is seen outside its authors and the editors.</summary>
public enum ModerationState
{
    Draft,
    InReview,
    Published,
    Withdrawn,
}

/// <summary>A move between moderation states and who may make it.</summary>
public sealed record ModerationStep(ModerationState From, ModerationState To, bool EditorsOnly);

/// <summary>
/// The moderation workflow as data: authors send a draft for review, an editor publishes it or returns it
/// to draft, and may withdraw published content (kept, no longer shown) or take it back to draft to rework.
/// Every piece of shared content follows this one table, so a page cannot invent its own shortcut.
/// </summary>
public static class Moderation
{
    public static readonly IReadOnlyList<ModerationStep> Steps =
    [
        new(ModerationState.Draft, ModerationState.InReview, EditorsOnly: false),
        new(ModerationState.InReview, ModerationState.Draft, EditorsOnly: false),
        new(ModerationState.InReview, ModerationState.Published, EditorsOnly: true),
        new(ModerationState.Draft, ModerationState.Published, EditorsOnly: true),
        new(ModerationState.Published, ModerationState.Withdrawn, EditorsOnly: true),
        new(ModerationState.Withdrawn, ModerationState.Draft, EditorsOnly: true),
        new(ModerationState.Withdrawn, ModerationState.Published, EditorsOnly: true),
    ];

    /// <summary>The step from one state to another, or null when the workflow has none.</summary>
    public static ModerationStep? Find(ModerationState from, ModerationState to) =>
        Steps.FirstOrDefault(step => step.From == from && step.To == to);

    /// <summary>Whether the person may move content from one state to another (authors may only submit and recall).</summary>
    public static bool Allows(ModerationState from, ModerationState to, bool isEditor) =>
        Find(from, to) is { } step && (isEditor || !step.EditorsOnly);

    /// <summary>The states a person may move content to from where it stands, in workflow order.</summary>
    public static IReadOnlyList<ModerationState> NextFor(ModerationState from, bool isEditor) =>
        [.. Steps.Where(step => step.From == from && (isEditor || !step.EditorsOnly)).Select(step => step.To)];

    /// <summary>Edits are allowed to drafts (authors and editors) and, by editors, at any state but withdrawn.</summary>
    public static bool AllowsEdit(ModerationState state, bool isEditor) =>
        state == ModerationState.Draft || (isEditor && state is ModerationState.InReview or ModerationState.Published);
}
