using Pathway.Web.Localization;

namespace Pathway.Web.Planning;

/// <summary>A catalogue action as offered for one mechanism in one round's context.</summary>
public sealed record RecommendedAction(
    string Code,
    string? MechanismCode,
    int? FromLevel,
    LocalizedText Text,
    ActionType Type,
    Effort Effort,
    int HorizonMonths,
    IReadOnlyList<LocalizedText> Capacities,
    IReadOnlyList<ContextNote> AppliedNotes,
    bool Preferred);

/// <summary>
/// The actions for one step up (from <see cref="FromLevel"/> to the next level), or for building the
/// evidence first (<see cref="FromLevel"/> null): those recommended in this context, in order, and
/// those set aside with the note that says why.
/// </summary>
public sealed record RecommendationStep(int? FromLevel, IReadOnlyList<RecommendedAction> Recommended, IReadOnlyList<RecommendedAction> SetAside);

/// <summary>What the catalogue offers one mechanism of a round.</summary>
public sealed record RecommendationsFor(string? CatalogueVersion, IReadOnlySet<PlanningContext> Contexts, IReadOnlyList<RecommendationStep> Steps);

/// <summary>
/// Reads the catalogue written for a round's framework version and fits it to the round's context.
/// OWNED BY THE CATALOGUE SLICE — skeleton until implemented.
/// </summary>
public sealed class Recommender
{
    /// <summary>
    /// The steps from the mechanism's agreed level up to <paramref name="targetLevel"/> (one step when
    /// no target is given), or the evidence-first actions when no level was agreed; none for a
    /// not-applicable mechanism or one already Advanced.
    /// </summary>
    public Task<RecommendationsFor> ForMechanismAsync(
        PlanningRound round, PlanningMechanism mechanism, int? targetLevel, IReadOnlySet<PlanningContext> contexts,
        CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>One action of the catalogue the round's framework version uses, by code; null if unknown.</summary>
    public Task<RecommendedAction?> FindAsync(PlanningRound round, string code, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
